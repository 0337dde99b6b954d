package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import java.time.Duration;
import java.util.Map;

/**
 * How the job queue and its workers behave. Six values come from the environment ({@link #from}); the
 * rest are named defaults that tests shorten.
 *
 * @param concurrency how many jobs one process works on at once ({@value #CONCURRENCY_VARIABLE})
 * @param visibilityTimeout how long a taken job may go without a heartbeat from its worker before another
 *     worker may reclaim it ({@value #VISIBILITY_VARIABLE}). Workers heartbeat the jobs they hold every
 *     {@link #heartbeatInterval()}, so this bounds how long a dead worker's job waits, not how long a job
 *     may run
 * @param maxAttempts how many failures a job may cause before it is dead-lettered ({@value #MAX_ATTEMPTS_VARIABLE})
 * @param keyPrefix the namespace of every queue key: the stream is {@code <prefix>:jobs}
 * @param readBlock how long one read waits for new jobs; also bounds how long stopping takes
 * @param reclaimInterval how often a process looks for jobs abandoned by dead workers
 * @param enqueuedMarkTtl how long a queued inquiry id is remembered, to drop platform redeliveries
 * @param answeredMarkTtl how long an answered inquiry id is remembered, to never answer it twice
 * @param retryDelay how long a failed job waits for its next attempt (the model client already retried
 *     quickly); shorter than the visibility timeout, or it is the visibility timeout
 * @param maxOrphanings how many times a job may be left behind by a worker that died before it is
 *     dead-lettered ({@value #MAX_ORPHANINGS_VARIABLE}); more than {@code maxAttempts}, since a death is
 *     rarely the question's fault, but finite, so a question that kills every worker still ends
 * @param deadline how long after it was queued a job may still be worked on: model calls, retries, tool calls
 *     and delivery ({@value #DEADLINE_VARIABLE}); past it the user gets one apology
 * @param replicaAcks how many Redis replicas a queued job and an answered mark wait for, up to 100 ms, before
 *     the write counts as done ({@value #REPLICA_ACKS_VARIABLE}): 0 on a single Redis, 1 behind Sentinel, so a
 *     failover rarely loses an acknowledged question or the mark that keeps it from being answered twice (best
 *     effort: a replica that does not answer in time is logged, not waited for)
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
        Duration retryDelay,
        int maxOrphanings,
        Duration deadline,
        int replicaAcks) {

    public static final String CONCURRENCY_VARIABLE = "WORKER_CONCURRENCY";
    public static final String VISIBILITY_VARIABLE = "JOB_VISIBILITY_TIMEOUT_SECONDS";
    public static final String MAX_ATTEMPTS_VARIABLE = "JOB_MAX_ATTEMPTS";
    public static final String MAX_ORPHANINGS_VARIABLE = "JOB_MAX_ORPHANINGS";
    public static final String DEADLINE_VARIABLE = "CONSULTATION_DEADLINE_SECONDS";
    public static final String REPLICA_ACKS_VARIABLE = "REDIS_WAIT_REPLICAS";
    public static final int MAX_REPLICA_ACKS = 16;

    public static final int DEFAULT_CONCURRENCY = 16;
    public static final int MAX_CONCURRENCY = 1024;
    /**
     * Half a minute: a live job is heartbeated six times in that span, so only a dead worker's job turns
     * this idle, and its user waits about this long plus the reclaim interval for another worker to start.
     */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    /** Heartbeats per visibility timeout: several may be late (a GC pause, a slow Redis) before a job is lost. */
    public static final int HEARTBEATS_PER_VISIBILITY_TIMEOUT = 6;

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int MAX_MAX_ATTEMPTS = 100;
    public static final int DEFAULT_MAX_ORPHANINGS = 10;
    public static final int MAX_MAX_ORPHANINGS = 1000;
    /**
     * Four minutes from queueing to reply: room for up to five model calls with a retry each, tool calls and
     * delivery, and still an answer (or an apology) while the user waits for one.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(240);

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
        if (visibilityTimeout.toMillis() < HEARTBEATS_PER_VISIBILITY_TIMEOUT) {
            throw new IllegalArgumentException("visibilityTimeout must be at least " + HEARTBEATS_PER_VISIBILITY_TIMEOUT
                    + " ms, was " + visibilityTimeout);
        }
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
        requireRange(maxOrphanings, 1, MAX_MAX_ORPHANINGS, "maxOrphanings");
        requirePositive(deadline, "deadline");
        requireRange(replicaAcks, 0, MAX_REPLICA_ACKS, "replicaAcks");
    }

    /**
     * How often a worker tells Redis that the jobs it holds (and their threads' locks) are alive: a fixed
     * fraction of the visibility timeout, so it is below it by construction.
     */
    public Duration heartbeatInterval() {
        return visibilityTimeout.dividedBy(HEARTBEATS_PER_VISIBILITY_TIMEOUT);
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
                DEFAULT_RETRY_DELAY,
                env.integer(MAX_ORPHANINGS_VARIABLE, DEFAULT_MAX_ORPHANINGS, 1),
                env.seconds(DEADLINE_VARIABLE, DEFAULT_DEADLINE),
                env.integer(REPLICA_ACKS_VARIABLE, 0, 0));
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
