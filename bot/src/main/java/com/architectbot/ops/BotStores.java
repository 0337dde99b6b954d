package com.architectbot.ops;

import com.architectbot.queue.JobPipeline;
import com.architectbot.queue.JobProcessor;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.Replier;
import com.architectbot.queue.redis.QueueGauges;
import com.architectbot.queue.redis.RedisAnsweredMarks;
import com.architectbot.queue.redis.RedisDeadLetters;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.queue.redis.RedisStreamQueue;
import com.architectbot.redis.RedisConnection;
import com.architectbot.redis.ValueCipher;
import com.architectbot.slack.redis.RecentThreads;
import com.architectbot.teams.redis.RedisAnswerActivities;
import com.architectbot.teams.redis.RedisPendingExports;
import com.architectbot.tenancy.Tenancy;
import com.architectbot.tenancy.redis.RedisAuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The store and the queue: the Redis parts that more than one feature or channel shares (the job queue and its
 * dead letters, the audit log, the cipher for stored secrets, Teams' pending exports and answer activities (which
 * answer each of the bot's Teams messages was, for its feedback loop), the threads Slack recently
 * answered in, which the Slack channel keeps and tenancy erases). Built first, on the
 * open connection, because every part built after them writes to them.
 */
record BotStores(
        RedisConnection redis,
        QueueSettings queueSettings,
        ValueCipher cipher,
        RedisStreamQueue queue,
        RedisDeadLetters deadLetters,
        RedisAuditLog audit,
        RedisPendingExports exports,
        RedisAnswerActivities answerActivities,
        RecentThreads recentThreads) {

    static BotStores on(RedisConnection redis, BotConfig config, Clock clock, MeterRegistry metrics) {
        var deadLetters = new RedisDeadLetters(redis.client(), config.queue(), clock);
        var queue = new RedisStreamQueue(redis.client(), config.queue(), deadLetters, clock);
        var audit = new RedisAuditLog(redis.client(), config.tenancy().auditRetention(), clock);
        var cipher = ValueCipher.load(config.encryption());
        var exports = new RedisPendingExports(redis.client(), config.teams().exportTtl(), cipher, clock);
        var recentThreads = new RecentThreads(redis.client(), config.slack().contextTtl(), clock);
        var answerActivities = new RedisAnswerActivities(redis.client(), Tenancy.RATINGS_KEPT, clock);
        QueueGauges.register(metrics, redis.client(), config.queue(), clock);
        return new BotStores(
                redis, config.queue(), cipher, queue, deadLetters, audit, exports, answerActivities, recentThreads);
    }

    /** The queue's workers (not started): they take jobs, let the processor answer and the replier deliver. */
    JobWorkers workers(JobProcessor processor, Replier replier, MeterRegistry metrics) {
        return new JobWorkers(
                new JobPipeline(
                        queue,
                        new RedisAnsweredMarks(redis.client(), queueSettings),
                        new RedisDeliveredParts(redis.client(), queueSettings),
                        processor,
                        replier),
                queueSettings,
                metrics);
    }

    /** What the hourly retention sweep trims: the entries that outlived their retention. */
    Map<String, LongSupplier> expiring() {
        return Map.of("audit entries", audit::trimExpired, "dead letters", deadLetters::trimExpired);
    }

    /** Whether the bot can take requests: Redis answers. */
    boolean isReachable() {
        return redis.isReachable();
    }
}
