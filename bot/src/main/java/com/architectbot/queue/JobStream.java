package com.architectbot.queue;

import java.time.Duration;
import java.util.List;

/**
 * The workers' end of the queue. A job handed out stays pending, owned by the consumer that took it, until
 * it is acknowledged. Its owner heartbeats it while working on it; a pending job whose heartbeats stopped
 * for longer than the visibility timeout can be reclaimed by any consumer, which is how a job outlives the
 * worker that crashed on it.
 */
public interface JobStream {

    /**
     * Hands out up to {@code max} jobs nobody has taken yet, waiting up to {@code block} for the first.
     *
     * @param consumer the taker's name, unique per worker process
     * @throws com.architectbot.core.RetryableFailure when the queue cannot be reached
     */
    List<Delivery> take(String consumer, int max, Duration block);

    /**
     * Takes over up to {@code max} pending jobs that have been idle for at least {@code idle}, counting the
     * takeover as another delivery.
     *
     * @throws com.architectbot.core.RetryableFailure when the queue cannot be reached
     */
    List<Delivery> reclaim(String consumer, Duration idle, int max);

    /**
     * Tells the queue that this consumer is still working on these jobs, so they are not reclaimed. A job
     * another consumer has reclaimed meanwhile stays with that consumer.
     *
     * @return the entry ids of the jobs that were no longer this consumer's (another took them over)
     * @throws com.architectbot.core.RetryableFailure when the queue cannot be reached
     */
    List<String> heartbeat(String consumer, List<Delivery> held);

    /** How many failed attempts this job has caused so far (not counting deliveries to workers that died). */
    long failures(Delivery delivery);

    /**
     * Counts one more failed attempt of this job, and returns the count.
     *
     * @throws com.architectbot.core.RetryableFailure when the queue cannot be reached
     */
    long recordFailure(Delivery delivery);

    /** Removes a finished job from the queue. Acknowledging twice is harmless. */
    void acknowledge(Delivery delivery);

    /**
     * Records the failed job in the dead-letter stream for a person to look at: its ids, kind, reason and
     * attempt count, never its text. The job stays pending until it is acknowledged.
     */
    void deadLetter(Delivery delivery, String reason);

    /**
     * Makes a failed job reclaimable after {@code delay} instead of after the whole visibility timeout, so a
     * passing failure costs the user seconds, not minutes. A job another consumer took over meanwhile stays
     * with that consumer, untouched.
     */
    void retryAfter(String consumer, Delivery delivery, Duration delay);
}
