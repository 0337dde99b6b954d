package com.architectbot.queue;

import java.time.Duration;

/**
 * Queue settings for tests, built through the one constructor: start from some settings (the defaults, say)
 * and change only what the test is about.
 */
public final class TestQueueSettings {

    private int concurrency;
    private Duration visibilityTimeout;
    private int maxAttempts;
    private String keyPrefix;
    private Duration readBlock;
    private Duration reclaimInterval;
    private Duration enqueuedMarkTtl;
    private Duration answeredMarkTtl;
    private Duration retryDelay;
    private int maxOrphanings;
    private Duration deadline;
    private int replicaAcks;

    private TestQueueSettings(QueueSettings base) {
        concurrency = base.concurrency();
        visibilityTimeout = base.visibilityTimeout();
        maxAttempts = base.maxAttempts();
        keyPrefix = base.keyPrefix();
        readBlock = base.readBlock();
        reclaimInterval = base.reclaimInterval();
        enqueuedMarkTtl = base.enqueuedMarkTtl();
        answeredMarkTtl = base.answeredMarkTtl();
        retryDelay = base.retryDelay();
        maxOrphanings = base.maxOrphanings();
        deadline = base.deadline();
        replicaAcks = base.replicaAcks();
    }

    public static TestQueueSettings from(QueueSettings base) {
        return new TestQueueSettings(base);
    }

    /** The production defaults under the given key prefix. */
    public static TestQueueSettings defaults(String keyPrefix) {
        return from(QueueSettings.defaults()).keyPrefix(keyPrefix);
    }

    public TestQueueSettings concurrency(int value) {
        concurrency = value;
        return this;
    }

    public TestQueueSettings visibilityTimeout(Duration value) {
        visibilityTimeout = value;
        return this;
    }

    public TestQueueSettings maxAttempts(int value) {
        maxAttempts = value;
        return this;
    }

    public TestQueueSettings keyPrefix(String value) {
        keyPrefix = value;
        return this;
    }

    public TestQueueSettings readBlock(Duration value) {
        readBlock = value;
        return this;
    }

    public TestQueueSettings reclaimInterval(Duration value) {
        reclaimInterval = value;
        return this;
    }

    /** Both the enqueued and the answered marks. */
    public TestQueueSettings markTtls(Duration value) {
        enqueuedMarkTtl = value;
        answeredMarkTtl = value;
        return this;
    }

    public TestQueueSettings retryDelay(Duration value) {
        retryDelay = value;
        return this;
    }

    public TestQueueSettings maxOrphanings(int value) {
        maxOrphanings = value;
        return this;
    }

    public TestQueueSettings deadline(Duration value) {
        deadline = value;
        return this;
    }

    public TestQueueSettings replicaAcks(int value) {
        replicaAcks = value;
        return this;
    }

    public QueueSettings build() {
        return new QueueSettings(
                concurrency,
                visibilityTimeout,
                maxAttempts,
                keyPrefix,
                readBlock,
                reclaimInterval,
                enqueuedMarkTtl,
                answeredMarkTtl,
                retryDelay,
                maxOrphanings,
                deadline,
                replicaAcks);
    }
}
