package com.architectbot.server;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every HTTP request by method, route and status ({@value #REQUESTS}), as a histogram so that
 * Prometheus can compute the ack latency percentiles of {@code /slack/events} and {@code /api/messages}
 * across replicas. The route is the matched path pattern, never the raw path, so probing unknown URLs
 * cannot create new series.
 */
final class HttpMetrics {

    static final String REQUESTS = "architect.http.requests";
    static final String UNMATCHED = "unmatched";
    /** Slack retries after 3 s; the buckets reach well past it, and no further. */
    private static final Duration LONGEST_EXPECTED = Duration.ofSeconds(30);

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    /** A Javalin request logger: called once per request with its execution time. */
    void record(Context ctx, Float executionMs) {
        Timer.builder(REQUESTS)
                .description("Time to answer an HTTP request (for the chat webhooks: the time to ack)")
                .tags(route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .maximumExpectedValue(LONGEST_EXPECTED)
                .register(registry)
                .record(Duration.ofNanos((long) (executionMs * 1_000_000)));
    }

    /** The matched route's method and path; {@value #UNMATCHED} for both when no route matched. */
    private static Tags route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null
                ? Tags.of("method", UNMATCHED, "path", UNMATCHED)
                : Tags.of("method", endpoint.method.name(), "path", endpoint.path);
    }
}
