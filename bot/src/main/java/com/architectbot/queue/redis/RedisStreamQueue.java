package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import com.architectbot.core.InquiryId;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.Delivery;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Job;
import com.architectbot.queue.JobStream;
import com.architectbot.queue.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The job queue as a Redis Stream ({@code <prefix>:jobs}) read by one consumer group, each job as JSON in
 * one field. Both ends live here because they share the stream's names and format; the workers read
 * through the stream's {@link ConsumerGroup}.
 */
public final class RedisStreamQueue implements InquiryQueue, JobStream {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamQueue.class);

    static final String JOB_FIELD = "job";
    /**
     * How long an inquiry id stays claimed before its job is safely in the stream. Should queueing fail and
     * the claim survive (Redis went away mid-way), it lapses soon, so the platform's redelivery gets through.
     */
    static final Duration ENQUEUE_CLAIM_TTL = Duration.ofSeconds(30);

    private final UnifiedJedis redis;
    private final QueueKeys keys;
    private final QueueSettings settings;
    private final RedisDeadLetters deadLetters;
    private final StreamHeartbeat heartbeat;
    private final ReplicaAcks acks;
    private final JobEntries entries;
    private final ConsumerGroup group;

    /**
     * @param deadLetters where jobs that failed for good, and entries no worker can read, are parked
     * @param clock tells which entries are old enough to trim
     */
    public RedisStreamQueue(UnifiedJedis redis, QueueSettings settings, RedisDeadLetters deadLetters, Clock clock) {
        this.redis = requireNonNull(redis, "redis");
        this.settings = requireNonNull(settings, "settings");
        this.keys = new QueueKeys(settings.keyPrefix());
        this.deadLetters = requireNonNull(deadLetters, "deadLetters");
        this.heartbeat = new StreamHeartbeat(redis, keys);
        this.acks = new ReplicaAcks(redis, settings.replicaAcks());
        this.entries = new JobEntries(redis, keys, settings.deadline(), clock);
        this.group = new ConsumerGroup(redis, keys, entries, deadLetters);
    }

    @Override
    public boolean enqueue(Job job) {
        InquiryId id = job.inquiry().id();
        String mark = keys.enqueued(id);
        String claimed = retryable(
                "claiming " + id,
                () -> redis.set(mark, "1", SetParams.setParams().nx().ex(ENQUEUE_CLAIM_TTL.toSeconds())));
        if (claimed == null) {
            return false;
        }
        try {
            // the platform is acknowledged next and will not send this again: a replica must have it too
            acks.write(
                    "queueing " + id,
                    keys.stream(),
                    pipeline ->
                            pipeline.xadd(keys.stream(), entries.addParams(), Map.of(JOB_FIELD, JobJson.write(job))));
        } catch (RuntimeException e) {
            forgetClaim(mark);
            throw new RetryableFailure("could not queue " + id + " on " + keys.stream(), e);
        }
        // Best effort: should this fail, the short claim lapses and a late redelivery is queued again;
        // the answered mark still keeps it from being answered twice.
        retryable(
                "remembering " + id,
                () -> redis.expire(mark, settings.enqueuedMarkTtl().toSeconds()));
        return true;
    }

    @Override
    public List<Delivery> take(String consumer, int max, Duration block) {
        return group.take(consumer, max, block);
    }

    @Override
    public List<Delivery> reclaim(String consumer, Duration idle, int max) {
        return group.reclaim(consumer, idle, max);
    }

    @Override
    public List<String> heartbeat(String consumer, List<Delivery> held) {
        return heartbeat.renew(consumer, held);
    }

    @Override
    public long failures(Delivery delivery) {
        String count = retryable(
                "counting failures of " + delivery.job().inquiry().id(),
                () -> redis.get(keys.failures(delivery.job().inquiry().id())));
        return count == null ? 0 : Long.parseLong(count);
    }

    @Override
    public long recordFailure(Delivery delivery) {
        String key = keys.failures(delivery.job().inquiry().id());
        return retryable("counting a failure of " + delivery.job().inquiry().id(), () -> {
            long failures = redis.incr(key);
            redis.expire(key, settings.answeredMarkTtl().toSeconds());
            return failures;
        });
    }

    @Override
    public void retryAfter(String consumer, Delivery delivery, Duration delay) {
        // Reclaiming goes by idle time: backdate this entry's so it turns idle enough after `delay`.
        long idle = Math.max(0, settings.visibilityTimeout().minus(delay).toMillis());
        heartbeat.backdate(consumer, delivery, idle);
    }

    @Override
    public void acknowledge(Delivery delivery) {
        StreamEntryID id = new StreamEntryID(delivery.entryId());
        retryable("acknowledging " + delivery.job().inquiry().id(), () -> entries.remove(id));
    }

    @Override
    public void deadLetter(Delivery delivery, String reason) {
        deadLetters.add(delivery.job().inquiry(), reason, delivery.attempt(), delivery.entryId());
    }

    private void forgetClaim(String mark) {
        try {
            redis.del(mark);
        } catch (RuntimeException e) {
            log.debug("could not drop the claim {}; it lapses in {}", mark, ENQUEUE_CLAIM_TTL, e);
        }
    }
}
