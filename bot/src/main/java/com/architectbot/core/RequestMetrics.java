package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts requests by channel and kind ({@value #REQUESTS}, in Prometheus {@code architect_requests_total}).
 * Counted where every inquiry is handled, whichever channel it came from: the queue's workers and the
 * CLI both go through {@link InquiryHandler}. A job retried after a failure is counted once per attempt.
 *
 * <p>Why Micrometer in the core: like SLF4J it is a facade with no backend of its own, and a port of our
 * own would only rename its counter and timer.
 */
public final class RequestMetrics {

    public static final String REQUESTS = "architect.requests";

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    public void requested(Inquiry inquiry) {
        Counter.builder(REQUESTS)
                .description("Requests handled, by channel (slack, teams, cli) and kind")
                .tag("channel", inquiry.thread().surface().id())
                .tag("kind", inquiry.kind().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
