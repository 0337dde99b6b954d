package com.architectbot.bench;

import com.architectbot.consultation.Architect;
import com.architectbot.core.TenantPreferences;
import com.architectbot.testing.FakeOpenAi;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Orchestration overhead per consultation (issue 2): the time the bot adds around a model that answers at
 * once. One consultation at a time, so the figure is the added latency, not a throughput under contention.
 *
 * <ul>
 *   <li><b>model call</b>: the model port alone ({@code LangChainArchitect} with the licence tool, no history):
 *       the LangChain4j request with the JSON schema over loopback HTTP, the fake's reply, parsing it.</li>
 *   <li><b>core</b>: {@code InquiryHandler.process} as {@code ArchitectBot} wires it: question rules, secret
 *       redaction, the Redis thread lock, memory recall (five turns per thread, so later turns send context),
 *       the LangChain4j request with the JSON schema to the fake model on loopback, parsing the answer,
 *       remembering the turn.</li>
 *   <li><b>queue</b>: the same, enqueued on the Redis stream, taken by {@code JobWorkers}, delivered to a
 *       recording replier, answered mark set: enqueue to delivery.</li>
 * </ul>
 * Arguments: {@code [consultations per run=1000] [runs=5] [warm-up consultations=2000]}.
 */
public final class ConsultationOverheadBenchmark {

    private static final int TURNS_PER_THREAD = 5;

    public static void main(String[] args) throws Exception {
        int perRun = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Runs.printMachine();
        try (FakeOpenAi model = FakeOpenAi.start().notRecording();
                BenchBot bot = new BenchBot(model, 16)) {
            Architect architect = bot.architect();
            Runs modelCall = new Runs("model call");
            Runs core = new Runs("core");
            Runs queued = new Runs("queue");
            timeModelCalls(architect, warmup);
            run(bot, "warmup-core", warmup, false);
            run(bot, "warmup-queue", warmup, true);
            for (int r = 1; r <= runs; r++) { // alternate, so load on the shared machine hits both alike
                modelCall.add(timeModelCalls(architect, perRun));
                core.add(run(bot, "core-" + r, perRun, false));
                queued.add(run(bot, "queue-" + r, perRun, true));
            }
            modelCall.printSummary();
            core.printSummary();
            queued.printSummary();
            System.out.println("model requests: " + model.received());
        }
        System.exit(0);
    }

    private static Latencies timeModelCalls(Architect architect, int calls) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < calls; i++) {
            latencies.time(() -> architect
                    .consult(List.of(), BenchBot.QUESTION, TenantPreferences.DEFAULTS)
                    .answer());
        }
        return latencies;
    }

    private static Latencies run(BenchBot bot, String name, int consultations, boolean viaQueue) throws Exception {
        String prefix = name + "-" + System.nanoTime();
        Latencies latencies = new Latencies();
        for (int i = 0; i < consultations; i++) {
            var inquiry = BenchBot.consultation(prefix + "-" + i, prefix + "-t" + i / TURNS_PER_THREAD);
            if (viaQueue) {
                CountDownLatch replied = new CountDownLatch(1);
                bot.enqueue(inquiry, latencies, replied);
                if (!replied.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no reply within 30 s to " + inquiry.id());
                }
            } else {
                latencies.time(() -> bot.answer(inquiry));
            }
        }
        return latencies;
    }
}
