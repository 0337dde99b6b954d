package com.architectbot.conversation.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.redis.RedisConnection;
import java.time.Duration;
import java.util.List;

/**
 * A thread's lock with the line of holders waiting for it, in Redis, each step one script on the thread's
 * keys (one cluster slot). Holders line up by when they first asked (the server's clock); a holder keeps its
 * place while it shows it is alive (every try, every renewal) and loses it once it has been silent for
 * {@code keepPlace}, so a dead one never blocks the line for long.
 */
final class LockLine {

    /** Server time in ms, for the scripts. */
    private static final String NOW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            """;

    /**
     * Takes the lock if the holder is first in line (after dropping holders silent for too long) and the
     * lock is free or already its own. KEYS: lock, line, seen. ARGV: holder, lease ms, keep-place ms.
     */
    private static final String TRY_TAKE = NOW + """
            redis.call('ZADD', KEYS[2], 'NX', now, ARGV[1])
            redis.call('HSET', KEYS[3], ARGV[1], now)
            redis.call('PEXPIRE', KEYS[2], 2 * ARGV[3])
            redis.call('PEXPIRE', KEYS[3], 2 * ARGV[3])
            while true do
              local first = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
              if first == ARGV[1] then break end
              local seen = tonumber(redis.call('HGET', KEYS[3], first) or '0')
              if now - seen < tonumber(ARGV[3]) then return 0 end
              redis.call('ZREM', KEYS[2], first)
              redis.call('HDEL', KEYS[3], first)
            end
            local owner = redis.call('GET', KEYS[1])
            if owner and owner ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    /** Extends the lease if the holder still owns the lock. KEYS: lock, line, seen. ARGV: holder, lease, keep. */
    private static final String RENEW = NOW + """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('HSET', KEYS[3], ARGV[1], now)
            redis.call('PEXPIRE', KEYS[2], 2 * ARGV[3])
            redis.call('PEXPIRE', KEYS[3], 2 * ARGV[3])
            return 1
            """;

    /** Leaves the line, releasing the lock if the holder owns it. KEYS: lock, line, seen. ARGV: holder. */
    private static final String LEAVE = """
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisConnection redis;
    private final Duration lease;
    private final Duration keepPlace;

    LockLine(RedisConnection redis, Duration lease, Duration keepPlace) {
        this.redis = requireNonNull(redis, "redis");
        this.lease = requireNonNull(lease, "lease");
        this.keepPlace = requireNonNull(keepPlace, "keepPlace");
    }

    boolean tryTake(ThreadKey thread, String holder) {
        return run(TRY_TAKE, thread, holder, String.valueOf(lease.toMillis()), String.valueOf(keepPlace.toMillis()));
    }

    /** Whether the holder still owned the lock (its lease had not run out with another holder taking over). */
    boolean renew(ThreadKey thread, String holder) {
        return run(RENEW, thread, holder, String.valueOf(lease.toMillis()), String.valueOf(keepPlace.toMillis()));
    }

    /** Whether the holder still owned the lock it released. */
    boolean leave(ThreadKey thread, String holder) {
        return run(LEAVE, thread, holder);
    }

    private boolean run(String script, ThreadKey thread, String... args) {
        List<String> keys = List.of(RedisKeys.lock(thread), RedisKeys.lockLine(thread), RedisKeys.lockSeen(thread));
        Object result = redis.call(jedis -> jedis.eval(script, keys, List.of(args)));
        return Long.valueOf(1L).equals(result);
    }
}
