package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import com.architectbot.core.InquiryId;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.PartState;
import com.architectbot.queue.QueueSettings;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Delivered parts as one Redis hash per inquiry ({@code <prefix>:{<inquiry id>}:parts}, field = part, value
 * {@code sending:<owner>} or {@code sent:<message id>}), expiring with the inquiry's answered mark. Each write sets
 * the field and renews the expiry in one script, so no hash outlives its expiry. A claim compares and sets
 * in one script, so of two workers racing for a part exactly one gets it.
 */
public final class RedisDeliveredParts implements DeliveredParts {

    private static final String SENDING = "sending";
    private static final String SENDING_BY = "sending:";
    private static final String SENT = "sent:";
    private static final String SET_AND_EXPIRE = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('EXPIRE', KEYS[1], ARGV[3])""";
    /** ARGV: part, expected value ('' for none), new value, ttl. 1 when set, 0 when the part had changed. */
    private static final String COMPARE_AND_SET = """
            local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
            if current ~= ARGV[2] then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            return 1""";

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
        if (value.startsWith(SENT)) {
            return new PartState.Sent(value.substring(SENT.length()));
        }
        return new PartState.Sending(
                value.startsWith(SENDING_BY) ? value.substring(SENDING_BY.length()) : PartState.Sending.UNKNOWN);
    }

    @Override
    public void record(InquiryId id, String part, PartState state) {
        String key = keys.parts(id);
        switch (state) {
            case PartState.Unsent unsent ->
                retryable("clearing part " + part + " of " + id, () -> redis.hdel(key, part));
            case PartState.Sending sending -> write(id, key, part, encode(sending));
            case PartState.Sent sent -> write(id, key, part, encode(sent));
        }
    }

    @Override
    public boolean claim(InquiryId id, String part, PartState expected, PartState.Sending sending) {
        Object set = retryable(
                "claiming part " + part + " of " + id,
                () -> redis.eval(
                        COMPARE_AND_SET,
                        List.of(keys.parts(id)),
                        List.of(part, encode(expected), encode(sending), String.valueOf(ttlSeconds))));
        return Long.valueOf(1).equals(set);
    }

    private static String encode(PartState state) {
        return switch (state) {
            case PartState.Unsent unsent -> "";
            case PartState.Sending sending ->
                sending.owner().equals(PartState.Sending.UNKNOWN) ? SENDING : SENDING_BY + sending.owner();
            case PartState.Sent sent -> SENT + sent.messageId();
        };
    }

    private void write(InquiryId id, String key, String part, String value) {
        retryable(
                "recording part " + part + " of " + id,
                () -> redis.eval(SET_AND_EXPIRE, List.of(key), List.of(part, value, String.valueOf(ttlSeconds))));
    }
}
