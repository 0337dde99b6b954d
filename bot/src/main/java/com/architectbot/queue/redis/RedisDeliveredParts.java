package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import com.architectbot.consultation.InquiryId;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.PartState;
import com.architectbot.queue.QueueSettings;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Delivered parts as one Redis hash per inquiry ({@code <prefix>:{<inquiry id>}:parts}, field = part, value
 * {@code sending} or {@code sent:<message id>}), expiring with the inquiry's answered mark. Each write sets
 * the field and renews the expiry in one script, so no hash outlives its expiry.
 */
public final class RedisDeliveredParts implements DeliveredParts {

    private static final String SENDING = "sending";
    private static final String SENT = "sent:";
    private static final String SET_AND_EXPIRE = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('EXPIRE', KEYS[1], ARGV[3])""";

    private final UnifiedJedis redis;
    private final QueueKeys keys;
    private final long ttlSeconds;

    public RedisDeliveredParts(UnifiedJedis redis, QueueSettings settings) {
        this.redis = requireNonNull(redis, "redis");
        this.keys = new QueueKeys(settings.keyPrefix());
        this.ttlSeconds = settings.answeredMarkTtl().toSeconds();
    }

    @Override
    public PartState state(InquiryId id, String part) {
        String value = retryable("reading part " + part + " of " + id, () -> redis.hget(keys.parts(id), part));
        if (value == null) {
            return new PartState.Unsent();
        }
        return value.startsWith(SENT) ? new PartState.Sent(value.substring(SENT.length())) : new PartState.Sending();
    }

    @Override
    public void record(InquiryId id, String part, PartState state) {
        String key = keys.parts(id);
        switch (state) {
            case PartState.Unsent unsent -> retryable("clearing part " + part + " of " + id, () -> redis.hdel(key, part));
            case PartState.Sending sending -> write(id, key, part, SENDING);
            case PartState.Sent sent -> write(id, key, part, SENT + sent.messageId());
        }
    }

    private void write(InquiryId id, String key, String part, String value) {
        retryable("recording part " + part + " of " + id, () -> redis.eval(SET_AND_EXPIRE, List.of(key),
                List.of(part, value, String.valueOf(ttlSeconds))));
    }
}
