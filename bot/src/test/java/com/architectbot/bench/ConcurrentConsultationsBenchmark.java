package com.architectbot.bench;

import com.architectbot.queue.QueueSettings;
import com.architectbot.testing.FakeOpenAi;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * 1,000 concurrent consultations with a model that takes 5 s each (issue 6, item 7): all enqueued at once on
 * the Redis stream, worked by {@code JobWorkers} with {@code WORKER_CONCURRENCY} at its maximum, answered
 * through the real LangChain4j client by a fake model that waits 5 s before each reply. Reports whether all
 * were answered, the wall time, the enqueue-to-reply latency, and the heap: live heap (after a GC) while the
 * consultations are all waiting on the model, and the peak heap used (garbage included) sampled every 50 ms.
 *
 * <p>Arguments: {@code [consultations=1000] [runs=3] [model latency s=5]}. A warm-up run of 200 comes first.
 */
public final class ConcurrentConsultationsBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Duration latency = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 5);
        Runs.printMachine();
        System.out.printf(
                "%d consultations at once, model latency %d s, %s=%d%n",
                count, latency.toSeconds(), QueueSettings.CONCURRENCY_VARIABLE, QueueSettings.MAX_CONCURRENCY);
        try (FakeOpenAi model = FakeOpenAi.start().withLatency(latency).notRecording();
                BenchBot bot = new BenchBot(model, QueueSettings.MAX_CONCURRENCY)) {
            burst(bot, "warm-up", Math.min(200, count), latency);
            Runs all = new Runs("enqueue-to-reply");
            for (int r = 1; r <= runs; r++) {
                all.add(burst(bot, "run " + r, count, latency));
            }
            all.printSummary();
        }
        System.exit(0);
    }

    private static Latencies burst(BenchBot bot, String name, int count, Duration latency) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        HeapPeak peak = HeapPeak.start(memory);
        String prefix = "burst-" + System.nanoTime();
        Latencies latencies = new Latencies();
        CountDownLatch replied = new CountDownLatch(count);
        int requestsBefore = bot.model().received();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            bot.enqueue(BenchBot.consultation(prefix + "-" + i, prefix + "-t" + i), latencies, replied);
        }
        long enqueued = System.nanoTime() - start;
        TimeUnit.NANOSECONDS.sleep(Math.max(0, start + latency.toNanos() / 2 - System.nanoTime()));
        int waitingOnModel = bot.model().received() - requestsBefore;
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed();
        boolean all = replied.await(latency.toSeconds() * 4 + 60, TimeUnit.SECONDS);
        long wall = System.nanoTime() - start;
        peak.stop();
        System.out.printf(
                Locale.ROOT,
                "%s: answered %d/%d in %.2f s (enqueue of all took %.0f ms); halfway %d were"
                        + " waiting on the model; live heap then %d MB (%+d MB over idle, %.1f KB per consultation);"
                        + " peak heap used %d MB%n",
                name,
                count - replied.getCount(),
                count,
                wall / 1e9,
                enqueued / 1e6,
                waitingOnModel,
                live >> 20,
                (live - baseline) >> 20,
                (live - baseline) / 1024.0 / Math.max(1, waitingOnModel),
                peak.max() >> 20);
        if (!all) {
            throw new IllegalStateException(replied.getCount() + " consultations were not answered");
        }
        return latencies;
    }

    /** Samples heap used every 50 ms on a daemon thread, keeping the highest. */
    private static final class HeapPeak {
        private final Thread sampler;
        private volatile long max;

        private HeapPeak(MemoryMXBean memory) {
            sampler = Thread.ofPlatform().daemon().unstarted(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapPeak start(MemoryMXBean memory) {
            HeapPeak peak = new HeapPeak(memory);
            peak.sampler.start();
            return peak;
        }

        long max() {
            return max;
        }

        void stop() {
            sampler.interrupt();
        }
    }
}
