package com.architectbot.queue;

import java.time.Duration;
import java.util.List;

/**
 * The workers' end of the queue. A job handed out stays pending, owned by the consumer that took it, until
 * it is acknowledged; a pending job idle for longer than the visibility timeout can be reclaimed by any
 * consumer, which is how a job outlives the worker that crashed on it.
 */
public interface JobStream {

    /**
     * Hands out up to {@code max} jobs nobody has taken yet, waiting up to {@code block} for the first.
     *
     * @param consumer the taker's name, unique per worker process
     * @throws com.architectbot.consultation.RetryableFailure when the queue cannot be reached
     */
    List<Delivery> take(String consumer, int max, Duration block);

    /**
     * Takes over up to {@code max} pending jobs that have been idle for at least {@code idle}, counting the
     * takeover as another attempt.
     *
     * @throws com.architectbot.consultation.RetryableFailure when the queue cannot be reached
     */
    List<Delivery> reclaim(String consumer, Duration idle, int max);

    /** Removes a finished job from the queue. Acknowledging twice is harmless. */
    void acknowledge(Delivery delivery);

    /**
     * Records the failed job in the dead-letter stream for a person to look at: its ids, kind, reason and
     * attempt count, never its text. The job stays pending until it is acknowledged.
     */
    void deadLetter(Delivery delivery, String reason);

    /**
     * Makes a failed job reclaimable after {@code delay} instead of after the whole visibility timeout, so a
     * passing failure costs the user seconds, not minutes.
     */
    void retryAfter(String consumer, Delivery delivery, Duration delay);
}
