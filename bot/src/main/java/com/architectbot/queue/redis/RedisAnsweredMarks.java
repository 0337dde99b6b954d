package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import com.architectbot.core.InquiryId;
import com.architectbot.queue.AnsweredMarks;
import com.architectbot.queue.QueueSettings;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** Answered marks as Redis keys ({@code <prefix>:{<inquiry id>}:answered}) that expire after some days. */
public final class RedisAnsweredMarks implements AnsweredMarks {

    private final UnifiedJedis redis;
    private final QueueKeys keys;
    private final long ttlSeconds;
    private final ReplicaAcks acks;

    public RedisAnsweredMarks(UnifiedJedis redis, QueueSettings settings) {
        this.redis = requireNonNull(redis, "redis");
        this.keys = new QueueKeys(settings.keyPrefix());
        this.ttlSeconds = settings.answeredMarkTtl().toSeconds();
        this.acks = new ReplicaAcks(redis, settings.replicaAcks());
    }

    @Override
    public boolean isAnswered(InquiryId id) {
        return retryable("checking whether " + id + " was answered", () -> redis.exists(keys.answered(id)));
    }

    @Override
    public void markAnswered(InquiryId id) {
        String mark = keys.answered(id);
        acks.write(
                "marking " + id + " answered",
                mark,
                pipeline -> pipeline.set(mark, "1", SetParams.setParams().nx().ex(ttlSeconds)));
    }
}
