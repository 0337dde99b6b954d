package com.architectbot.queue;

import com.architectbot.core.Backoff;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a queue outage to two log lines (when it starts, when it ends) however often the loop retries, and
 * spaces the retries out so a Redis that is away is not hammered. Used by the one polling thread only.
 */
final class OutageLog {

    private static final Logger log = LoggerFactory.getLogger(OutageLog.class);

    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
    private static final Backoff BACKOFF = Backoff.doubling(FIRST_RETRY_DELAY, MAX_RETRY_DELAY);
    private static final long HEALTHY = -1;

    private final String consumer;
    private long failingSinceNanos = HEALTHY;
    private static final int MAX_COUNTED = 1_000;

    private int consecutiveFailures;

    OutageLog(String consumer) {
        this.consumer = consumer;
    }

    /** Records a failed queue call and returns how long to wait before the next one. */
    Duration failed(RuntimeException e) {
        if (failingSinceNanos == HEALTHY) {
            failingSinceNanos = System.nanoTime();
            log.warn(
                    "job workers {} cannot reach the job queue; retrying every {} at most until it is back: {}",
                    consumer,
                    MAX_RETRY_DELAY,
                    Evidence.of(e));
        }
        consecutiveFailures = Math.min(consecutiveFailures + 1, MAX_COUNTED); // the wait is capped long before
        return BACKOFF.after(consecutiveFailures);
    }

    /** Records a successful queue call, closing the outage if there was one. */
    void succeeded() {
        consecutiveFailures = 0;
        if (failingSinceNanos != HEALTHY) {
            log.info(
                    "job workers {} reach the job queue again after {} ms",
                    consumer,
                    Duration.ofNanos(System.nanoTime() - failingSinceNanos).toMillis());
            failingSinceNanos = HEALTHY;
        }
    }
}
