package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueKeys.GROUP;
import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import com.architectbot.queue.Delivery;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Renews the idle time of the pending jobs a consumer holds, so only the jobs of a consumer that stopped
 * heartbeating turn idle enough to be reclaimed. A plain {@code XCLAIM ... 0 JUSTID} would also take back a
 * job another consumer has reclaimed meanwhile (this one was presumed dead, say after a long pause); the
 * script claims only the entries this consumer still owns. {@code JUSTID} leaves the delivery count alone.
 * Rescheduling a failed job (backdating its idle time) goes by the same rule.
 */
final class StreamHeartbeat {

    /** KEYS: stream. ARGV: group, consumer, entry ids. Returns the entries that were no longer the consumer's. */
    private static final String RENEW_OWN = """
            local lost = {}
            for i = 3, #ARGV do
              local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
              if pending[1] and pending[1][2] == ARGV[2] then
                redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
              else
                table.insert(lost, ARGV[i])
              end
            end
            return lost
            """;

    /** KEYS: stream. ARGV: group, consumer, entry id, idle ms. Sets the idle time only of an entry still the consumer's. */
    private static final String BACKDATE_OWN = """
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
            if pending[1] and pending[1][2] == ARGV[2] then
              redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4], 'JUSTID')
              return 1
            end
            return 0
            """;

    private final UnifiedJedis redis;
    private final QueueKeys keys;

    StreamHeartbeat(UnifiedJedis redis, QueueKeys keys) {
        this.redis = requireNonNull(redis, "redis");
        this.keys = requireNonNull(keys, "keys");
    }

    /** Returns the entry ids of the held jobs that are no longer this consumer's. */
    @SuppressWarnings("unchecked")
    List<String> renew(String consumer, List<Delivery> held) {
        if (held.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(held.size() + 2);
        args.add(GROUP);
        args.add(consumer);
        held.forEach(delivery -> args.add(delivery.entryId()));
        Object lost = retryable(
                "heartbeating " + held.size() + " job(s) on " + keys.stream(),
                () -> redis.eval(RENEW_OWN, List.of(keys.stream()), args));
        return List.copyOf((List<String>) lost);
    }

    /**
     * Sets the idle time of a job this consumer still holds, so it turns reclaimable sooner; a job another
     * consumer took over meanwhile stays untouched with that consumer.
     */
    void backdate(String consumer, Delivery delivery, long idleMillis) {
        retryable(
                "rescheduling " + delivery.job().inquiry().id(),
                () -> redis.eval(
                        BACKDATE_OWN,
                        List.of(keys.stream()),
                        List.of(GROUP, consumer, delivery.entryId(), String.valueOf(idleMillis))));
    }
}
