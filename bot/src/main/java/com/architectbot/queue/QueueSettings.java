package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import java.time.Duration;
import java.util.Map;

/**
 * How the job queue and its workers behave. Three values come from the environment ({@link #from}); the
 * rest are named defaults that tests shorten.
 *
 * @param concurrency how many jobs one process works on at once ({@value #CONCURRENCY_VARIABLE})
 * @param visibilityTimeout how long a taken job may stay unacknowledged before another worker may reclaim it;
 *     longer than the slowest model call, or slow jobs are answered twice ({@value #VISIBILITY_VARIABLE})
 * @param maxAttempts how many times a job is tried before it is dead-lettered ({@value #MAX_ATTEMPTS_VARIABLE})
 * @param keyPrefix the namespace of every queue key: the stream is {@code <prefix>:jobs}
 * @param readBlock how long one read waits for new jobs; also bounds how long stopping takes
 * @param reclaimInterval how often a process looks for jobs abandoned by dead workers
 * @param enqueuedMarkTtl how long a queued inquiry id is remembered, to drop platform redeliveries
 * @param answeredMarkTtl how long an answered inquiry id is remembered, to never answer it twice
 * @param retryDelay how long a failed job waits for its next attempt (the model client already retried
 *     quickly); shorter than the visibility timeout, or it is the visibility timeout
 */
public record QueueSettings(
        int concurrency,
        Duration visibilityTimeout,
        int maxAttempts,
        String keyPrefix,
        Duration readBlock,
        Duration reclaimInterval,
        Duration enqueuedMarkTtl,
        Duration answeredMarkTtl,
        Duration retryDelay) {

    public static final String CONCURRENCY_VARIABLE = "WORKER_CONCURRENCY";
    public static final String VISIBILITY_VARIABLE = "JOB_VISIBILITY_TIMEOUT_SECONDS";
    public static final String MAX_ATTEMPTS_VARIABLE = "JOB_MAX_ATTEMPTS";

    public static final int DEFAULT_CONCURRENCY = 16;
    public static final int MAX_CONCURRENCY = 1024;
    /** Five minutes: well past a model call's own timeout, so a live job is never reclaimed. */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(300);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int MAX_MAX_ATTEMPTS = 100;
    public static final String DEFAULT_KEY_PREFIX = "ab";
    public static final Duration DEFAULT_READ_BLOCK = Duration.ofSeconds(1);
    /** XAUTOCLAIM is cheap; a short interval keeps retries and crash recovery prompt. */
    public static final Duration DEFAULT_RECLAIM_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(10);
    /** Slack retries for about an hour at most; a day covers every platform's redelivery. */
    public static final Duration DEFAULT_ENQUEUED_MARK_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_ANSWERED_MARK_TTL = Duration.ofDays(7);

    public QueueSettings {
        requireRange(concurrency, 1, MAX_CONCURRENCY, "concurrency");
        requirePositive(visibilityTimeout, "visibilityTimeout");
        requirePositive(retryDelay, "retryDelay");
        requireRange(maxAttempts, 1, MAX_MAX_ATTEMPTS, "maxAttempts");
        requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.isBlank() || keyPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("keyPrefix must be non-blank without spaces, was '" + keyPrefix + "'");
        }
        requirePositive(readBlock, "readBlock");
        requirePositive(reclaimInterval, "reclaimInterval");
        requirePositive(enqueuedMarkTtl, "enqueuedMarkTtl");
        requirePositive(answeredMarkTtl, "answeredMarkTtl");
    }

    /** The settings from these environment variables, with the defaults for what is unset. */
    public static QueueSettings from(Environment env) {
        return new QueueSettings(
                env.integer(CONCURRENCY_VARIABLE, DEFAULT_CONCURRENCY, 1),
                env.seconds(VISIBILITY_VARIABLE, DEFAULT_VISIBILITY_TIMEOUT),
                env.integer(MAX_ATTEMPTS_VARIABLE, DEFAULT_MAX_ATTEMPTS, 1),
                DEFAULT_KEY_PREFIX,
                DEFAULT_READ_BLOCK,
                DEFAULT_RECLAIM_INTERVAL,
                DEFAULT_ENQUEUED_MARK_TTL,
                DEFAULT_ANSWERED_MARK_TTL,
                DEFAULT_RETRY_DELAY);
    }

    /** All defaults. */
    public static QueueSettings defaults() {
        return from(new Environment(Map.of()));
    }

    private static void requireRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
