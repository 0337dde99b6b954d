package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueKeys.GROUP;
import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * How job entries leave the stream, so it holds no question longer than its job needs it. A finished entry
 * is acknowledged and deleted in one script: a crash can no longer leave an acknowledged entry, question
 * and all, that nothing would ever delete. As a backstop, each new entry trims (approximately) the entries
 * queued more than {@value #RETENTION_DEADLINES} deadlines ago. That may drop a job still pending, but only
 * one its worker lost long ago: past its deadline such a job would only get an apology, and a reclaim skips
 * a deleted entry.
 */
final class JobEntries {

    /** How many job deadlines an entry is kept at most. */
    static final int RETENTION_DEADLINES = 2;

    /** KEYS: stream. ARGV: group, entry id. */
    private static final String ACK_AND_DELETE = """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])""";

    private final UnifiedJedis redis;
    private final QueueKeys keys;
    private final Duration retention;
    private final Clock clock;

    JobEntries(UnifiedJedis redis, QueueKeys keys, Duration deadline, Clock clock) {
        this.redis = requireNonNull(redis, "redis");
        this.keys = requireNonNull(keys, "keys");
        this.retention = deadline.multipliedBy(RETENTION_DEADLINES);
        this.clock = requireNonNull(clock, "clock");
    }

    /** How to add an entry: trimming, approximately, what was queued before the retention. */
    XAddParams addParams() {
        long oldest = Math.max(0, clock.millis() - retention.toMillis());
        return XAddParams.xAddParams().minId(oldest + "-0").approximateTrimming();
    }

    /** Acknowledges and deletes the entry in one step. Removing it twice is harmless. */
    void remove(StreamEntryID id) {
        redis.eval(ACK_AND_DELETE, List.of(keys.stream()), List.of(GROUP, id.toString()));
    }
}
