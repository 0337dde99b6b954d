package com.architectbot.ops;

import com.architectbot.bench.Latencies;
import com.architectbot.bench.Runs;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time from {@code POST /api/messages} to its HTTP response (issue 5), measured outside the test run: an
 * open-loop load of authenticated channel mentions at a fixed rate against the real bot ({@link RunningBot}:
 * token validation against the fake connector's keys, the SDK turn, the Redis queue, the typing indicator
 * sent to the fake connector; the worker answers in the background as it would in production).
 *
 * <p>Run: {@code mvn -B -o -q -Pbench -pl bot -am test -DskipTests -Dbench=ops.TeamsAckLatencyBenchmark
 * -Dbench.args="50,100 20 3"}; arguments {@code [rates per second=50,100] [seconds per run=20] [runs=3]
 * [warm-up seconds=5]}.
 */
public final class TeamsAckLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        List<Integer> rates = List.of(args.length > 0 ? args[0].split(",") : new String[] {"50", "100"}).stream()
                .map(Integer::parseInt).toList();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Runs.printMachine();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        try (RunningBot bot = new RunningBot();
                HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            bot.model.notRecording();
            for (int rate : rates) {
                Load load = new Load(bot, http, scheduler, rate);
                load.run("warm-up-" + rate, warmup);
                Runs timed = new Runs(rate + "/s");
                for (int r = 1; r <= runs; r++) {
                    timed.add(load.run(rate + "-" + r, seconds));
                }
                timed.printSummary();
            }
        } finally {
            scheduler.shutdown();
        }
        System.exit(0);
    }

    /** Sends mentions at a fixed rate whatever the answers' speed (open loop), recording each response's latency. */
    private record Load(RunningBot bot, HttpClient http, ScheduledExecutorService scheduler, int rate) {

        Latencies run(String name, int seconds) throws InterruptedException {
            int total = rate * seconds;
            long period = 1_000_000_000L / rate;
            Latencies latencies = new Latencies();
            AtomicInteger failed = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(total);
            for (int i = 0; i < total; i++) {
                HttpRequest request = mention(name + "-" + i); // built (and its token signed) ahead, untimed
                scheduler.schedule(() -> send(request, latencies, failed, done), i * period, TimeUnit.NANOSECONDS);
            }
            if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": " + done.getCount() + " requests unanswered");
            }
            if (failed.get() > 0) {
                System.out.println(name + ": " + failed.get() + " requests failed or were not answered with 2xx");
            }
            return latencies;
        }

        private void send(HttpRequest request, Latencies latencies, AtomicInteger failed, CountDownLatch done) {
            long start = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.record(System.nanoTime() - start);
                if (error != null || response.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }

        private HttpRequest mention(String id) {
            var activity = bot.activities.channelMention("load-" + id, "Architect Bot", "how do we scale exports?");
            return HttpRequest.newBuilder(bot.uri("/api/messages"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + bot.connector.token(token -> { }))
                    .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
                    .build();
        }
    }
}
