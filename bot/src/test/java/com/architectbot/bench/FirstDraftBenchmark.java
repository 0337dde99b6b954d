package com.architectbot.bench;

import com.architectbot.consultation.Question;
import com.architectbot.consultation.llm.LangChainArchitect;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.testing.FakeOpenAi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How soon the answer shows (issue 13): from the model's first token to the first draft with summary text handed to
 * the surface ({@code AnswerProgress.draft}), with the real OpenAI streaming client against a fake model writing
 * 50 tokens a second. What a surface adds on top (Slack, Teams) is measured by their own benchmarks.
 *
 * <p>Arguments: {@code [consultations=50] [runs=3] [tokens per second=50]}. A warm-up run of 10 comes first.
 */
public final class FirstDraftBenchmark {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Runs.printMachine();
        System.out.printf("%d consultations one after another, model streaming %d tokens/s%n", count, rate);
        try (FakeOpenAi model = FakeOpenAi.start().streamingAt(rate).notRecording()) {
            var architect = LangChainArchitect.create(model.settings(), List.of(), new SimpleMeterRegistry());
            run(model, architect, Math.min(10, count));
            Runs all = new Runs("first token to first draft");
            for (int r = 1; r <= runs; r++) {
                all.add(run(model, architect, count));
            }
            all.printSummary();
        }
        System.exit(0);
    }

    private static Latencies run(FakeOpenAi model, LangChainArchitect architect, int count) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            AtomicLong firstDraft = new AtomicLong();
            AnswerProgress progress = new AnswerProgress() {
                @Override
                public void status(String line) {}

                @Override
                public void draft(AnswerDraft draft) {
                    if (!draft.sofar().summary().isBlank()) {
                        firstDraft.compareAndSet(0, System.nanoTime());
                    }
                }
            };
            architect.consult(List.of(), Question.of("Ship it?"), TenantPreferences.DEFAULTS, progress);
            latencies.record(firstDraft.get() - model.lastStreamStarted());
        }
        return latencies;
    }
}
