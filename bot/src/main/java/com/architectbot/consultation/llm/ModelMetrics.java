package com.architectbot.consultation.llm;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Model calls by provider and configured model: {@value #LATENCY} (a timer per call, tagged with the
 * outcome) and {@value #TOKENS} (input and output tokens as the provider reported them; a provider that
 * reports none adds nothing). Each tool round and the repair request is one call.
 */
final class ModelMetrics {

    static final String LATENCY = "architect.model.latency";
    static final String TOKENS = "architect.model.tokens";

    private final MeterRegistry registry;
    private final String provider;
    private final String model;
    private final Counter tokensIn;
    private final Counter tokensOut;

    ModelMetrics(MeterRegistry registry, ModelSettings settings) {
        this.registry = requireNonNull(registry, "registry");
        this.provider = settings.provider().id();
        this.model = settings.modelName();
        this.tokensIn = tokens("in");
        this.tokensOut = tokens("out");
    }

    /** Runs one model call, timing it and counting its tokens. */
    ChatResponse call(Supplier<ChatResponse> chat) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            ChatResponse response = chat.get();
            outcome = "ok";
            count(response.tokenUsage());
            return response;
        } finally {
            Timer.builder(LATENCY)
                    .description("Time per model call, including its retries")
                    .tags("provider", provider, "model", model, "outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void count(TokenUsage usage) {
        if (usage == null) {
            return;
        }
        if (usage.inputTokenCount() != null) {
            tokensIn.increment(usage.inputTokenCount());
        }
        if (usage.outputTokenCount() != null) {
            tokensOut.increment(usage.outputTokenCount());
        }
    }

    private Counter tokens(String direction) {
        return Counter.builder(TOKENS)
                .description("Tokens sent to (in) and received from (out) the model, as the provider reported them")
                .tags("provider", provider, "model", model, "direction", direction)
                .register(registry);
    }
}
