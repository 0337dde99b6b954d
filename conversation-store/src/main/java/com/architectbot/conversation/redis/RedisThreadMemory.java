package com.architectbot.conversation.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.ThreadMemory;
import com.architectbot.conversation.TokenEstimator;
import com.architectbot.conversation.Turn;
import com.architectbot.redis.RedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Thread memory in Redis. Per thread, a list of JSON turns (oldest first, at most {@link Settings#maxTurns()})
 * and a set of their inquiry ids; both expire {@link Settings#ttl()} after the thread's last write. See
 * {@link RedisKeys} for the key layout and {@link TurnJson} for a turn's stored form.
 */
public final class RedisThreadMemory implements ThreadMemory {

    /** Turns fetched per round trip by {@link #recall} and {@link #find}, newest first. */
    static final int PAGE = 16;

    /**
     * Appends a turn unless its inquiry id is already there, drops the oldest turns beyond the maximum (and
     * their ids), and refreshes the expiry of both keys: all in one atomic step.
     * KEYS: turns, inquiries. ARGV: inquiry id, turn JSON, max turns, ttl in ms. Returns 1 if appended.
     */
    private static final String REMEMBER = """
            local added = redis.call('SADD', KEYS[2], ARGV[1])
            if added == 1 then
              redis.call('RPUSH', KEYS[1], ARGV[2])
              local excess = redis.call('LLEN', KEYS[1]) - tonumber(ARGV[3])
              if excess > 0 then
                for _, json in ipairs(redis.call('LRANGE', KEYS[1], 0, excess - 1)) do
                  redis.call('SREM', KEYS[2], cjson.decode(json).inquiryId)
                end
                redis.call('LTRIM', KEYS[1], excess, -1)
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return added
            """;

    private final RedisConnection redis;
    private final Settings settings;

    public RedisThreadMemory(RedisConnection redis, Settings settings) {
        this.redis = requireNonNull(redis, "redis");
        this.settings = requireNonNull(settings, "settings");
    }

    @Override
    public List<Turn> recall(ThreadKey thread, int tokenBudget) {
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("tokenBudget must not be negative, was " + tokenBudget);
        }
        var newestFirst = new ArrayList<Turn>();
        var seen = new HashSet<String>(); // an append between pages shifts them: skip a turn seen twice
        int used = 0;
        for (List<Turn> page : newestPages(thread)) {
            for (Turn turn : page) {
                if (!seen.add(turn.inquiryId())) {
                    continue;
                }
                int cost = settings.estimator().tokens(turn);
                if (used + cost > tokenBudget) {
                    return List.copyOf(newestFirst.reversed());
                }
                used += cost;
                newestFirst.add(turn);
            }
        }
        return List.copyOf(newestFirst.reversed());
    }

    @Override
    public Optional<Turn> find(ThreadKey thread, String inquiryId) {
        requireNonNull(inquiryId, "inquiryId");
        if (!redis.call(jedis -> jedis.sismember(RedisKeys.inquiries(thread), inquiryId))) {
            return Optional.empty();
        }
        for (List<Turn> page : newestPages(thread)) { // a redelivered inquiry is nearly always the newest
            for (Turn turn : page) {
                if (turn.inquiryId().equals(inquiryId)) {
                    return Optional.of(turn);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void remember(ThreadKey thread, Turn turn) {
        requireNonNull(turn, "turn");
        List<String> keys = List.of(RedisKeys.turns(thread), RedisKeys.inquiries(thread));
        List<String> args = List.of(
                turn.inquiryId(),
                TurnJson.write(turn),
                Integer.toString(settings.maxTurns()),
                Long.toString(settings.ttl().toMillis()));
        redis.call(jedis -> jedis.eval(REMEMBER, keys, args));
        RedisConversationRecords.index(redis, thread, turn, settings.ttl()); // for data-rights requests
    }

    @Override
    public boolean forget(ThreadKey thread) {
        // The lock key is left alone: it belongs to whoever holds it and expires with its lease.
        return redis.call(jedis -> jedis.del(RedisKeys.turns(thread), RedisKeys.inquiries(thread))) > 0;
    }

    /** The thread's turns, newest first, a page per round trip, fetched as the caller iterates. */
    private Iterable<List<Turn>> newestPages(ThreadKey thread) {
        String key = RedisKeys.turns(thread);
        int maxPages = Math.ceilDiv(settings.maxTurns(), PAGE) + 1;
        return () -> new Iterator<>() {
            private int page;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                return !exhausted && page < maxPages;
            }

            @Override
            public List<Turn> next() {
                long end = -1L - (long) page * PAGE;
                page++;
                List<String> raw = redis.call(jedis -> jedis.lrange(key, end - PAGE + 1, end));
                exhausted = raw.size() < PAGE;
                return TurnJson.read(raw.reversed());
            }
        };
    }

    /**
     * @param ttl how long a thread is kept after its last write ({@code CONTEXT_TTL_DAYS}, default 30 days)
     * @param maxTurns the most turns kept per thread; older ones are dropped (default {@value #DEFAULT_MAX_TURNS})
     * @param estimator sizes turns for {@link #recall}'s token budget
     */
    public record Settings(Duration ttl, int maxTurns, TokenEstimator estimator) {

        public static final String TTL_DAYS_VARIABLE = "CONTEXT_TTL_DAYS";
        public static final Duration DEFAULT_TTL = Duration.ofDays(30);
        public static final int DEFAULT_MAX_TURNS = 200;

        public Settings {
            requireNonNull(ttl, "ttl");
            requireNonNull(estimator, "estimator");
            if (ttl.toMillis() <= 0) {
                throw new IllegalArgumentException("the thread time to live must be positive, was " + ttl);
            }
            if (maxTurns < 1) {
                throw new IllegalArgumentException("maxTurns must be at least 1, was " + maxTurns);
            }
        }

        public static Settings defaults() {
            return withTtl(DEFAULT_TTL);
        }

        /** How long a thread is kept after its last message ({@code CONTEXT_TTL_DAYS}); the rest are defaults. */
        public static Settings withTtl(Duration ttl) {
            return new Settings(ttl, DEFAULT_MAX_TURNS, TokenEstimator.approximate());
        }
    }
}
