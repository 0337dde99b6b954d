package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the workers record: {@value #ERRORS} by cause and {@value #JOBS} by {@link JobOutcome}. Causes are a closed
 * set decided by type, never by message: {@code permanent}, {@code timeout} (anything in the cause chain
 * named {@code *TimeoutException}: the model client's, the JDK HTTP client's, a socket's),
 * {@code retryable}, and {@code unexpected} for any other exception.
 */
final class JobMetrics {

    static final String ERRORS = "architect.job.errors";
    static final String JOBS = "architect.jobs";

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    void failed(Throwable e) {
        Counter.builder(ERRORS)
                .description("Failed job attempts, by cause")
                .tag("cause", cause(e))
                .register(registry)
                .increment();
    }

    void finished(JobOutcome outcome) {
        Counter.builder(JOBS)
                .description("Job attempts, by outcome")
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }

    static String cause(Throwable e) {
        if (e instanceof PermanentFailure) {
            return "permanent";
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return "timeout";
            }
        }
        return e instanceof RetryableFailure ? "retryable" : "unexpected";
    }
}
