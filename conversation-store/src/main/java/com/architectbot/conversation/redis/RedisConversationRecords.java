package com.architectbot.conversation.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ConversationRecords;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.Turn;
import com.architectbot.redis.RedisConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversation records in Redis, found through indexes that {@link RedisThreadMemory#remember} keeps per
 * tenant: the tenant's threads, its users, and each user's threads (sorted sets scored by the last write,
 * trimmed to the threads' time to live on every write, so they stay as small as the memory they point at).
 * Each thread is erased by its own script in its own cluster slot; the indexes share the tenant's slot.
 */
public final class RedisConversationRecords implements ConversationRecords {

    /**
     * Adds a thread and its user to the tenant's indexes and drops entries older than the time to live.
     * KEYS: tenant threads, tenant users, user threads. ARGV: thread id, user, now ms, ttl ms.
     */
    private static final String INDEX = """
            local oldest = tonumber(ARGV[3]) - tonumber(ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
            for _, key in ipairs(KEYS) do
              redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. oldest)
              redis.call('PEXPIRE', key, ARGV[4])
            end
            return 1
            """;

    /**
     * Removes one user's turns (and their inquiry ids) from a thread, keeping everyone else's in order and
     * the thread's remaining time to live. KEYS: turns, inquiries. ARGV: user. Returns how many were removed.
     */
    private static final String FORGET_USER = """
            local kept = {}
            local removed = 0
            for _, json in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
              local turn = cjson.decode(json)
              if turn.user == ARGV[1] then
                redis.call('SREM', KEYS[2], turn.inquiryId)
                removed = removed + 1
              else
                table.insert(kept, json)
              end
            end
            if removed > 0 then
              local ttl = redis.call('PTTL', KEYS[1])
              redis.call('DEL', KEYS[1])
              for _, json in ipairs(kept) do
                redis.call('RPUSH', KEYS[1], json)
              end
              if #kept == 0 then
                redis.call('DEL', KEYS[2])
              elseif ttl > 0 then
                redis.call('PEXPIRE', KEYS[1], ttl)
              end
            end
            return removed
            """;

    private static final Logger log = LoggerFactory.getLogger(RedisConversationRecords.class);

    private final RedisConnection redis;

    public RedisConversationRecords(RedisConnection redis) {
        this.redis = requireNonNull(redis, "redis");
    }

    /** Called by {@link RedisThreadMemory#remember} after each turn is stored. */
    static void index(RedisConnection redis, ThreadKey thread, Turn turn, Duration ttl) {
        List<String> keys = List.of(
                RedisKeys.tenantThreads(thread.surface(), thread.tenant()),
                RedisKeys.tenantUsers(thread.surface(), thread.tenant()),
                RedisKeys.userThreads(thread.surface(), thread.tenant(), turn.user()));
        List<String> args = List.of(
                thread.id(), turn.user(), Long.toString(turn.at().toEpochMilli()), Long.toString(ttl.toMillis()));
        redis.call(jedis -> jedis.eval(INDEX, keys, args));
    }

    @Override
    public Map<String, List<Turn>> turnsOf(Surface surface, String tenant, String user) {
        Map<String, List<Turn>> byThread = new LinkedHashMap<>();
        for (String threadId : members(RedisKeys.userThreads(surface, tenant, user))) {
            List<Turn> own = TurnJson.read(redis.call(jedis -> jedis.lrange(RedisKeys.turns(threadId), 0, -1))).stream()
                    .filter(turn -> turn.user().equals(user))
                    .toList();
            if (!own.isEmpty()) {
                byThread.put(threadId, own);
            }
        }
        return byThread;
    }

    @Override
    public int forgetUser(Surface surface, String tenant, String user) {
        String userThreads = RedisKeys.userThreads(surface, tenant, user);
        int removed = 0;
        for (String threadId : members(userThreads)) {
            Object count = redis.call(jedis -> jedis.eval(
                    FORGET_USER, List.of(RedisKeys.turns(threadId), RedisKeys.inquiries(threadId)), List.of(user)));
            removed += ((Number) count).intValue();
            if (!redis.call(jedis -> jedis.exists(RedisKeys.turns(threadId)))) { // only theirs: the thread is gone
                redis.call(jedis -> jedis.zrem(RedisKeys.tenantThreads(surface, tenant), threadId));
            }
        }
        redis.call(jedis -> jedis.del(userThreads));
        redis.call(jedis -> jedis.zrem(RedisKeys.tenantUsers(surface, tenant), user));
        log.info("erased {} turn(s) of one user in {} tenant {}", removed, surface.id(), tenant);
        return removed;
    }

    @Override
    public int forgetTenant(Surface surface, String tenant) {
        int threads = 0;
        for (String threadId : members(RedisKeys.tenantThreads(surface, tenant))) {
            threads += redis.call(jedis -> jedis.del(RedisKeys.turns(threadId), RedisKeys.inquiries(threadId))) > 0
                    ? 1
                    : 0;
        }
        for (String user : members(RedisKeys.tenantUsers(surface, tenant))) {
            redis.call(jedis -> jedis.del(RedisKeys.userThreads(surface, tenant, user)));
        }
        redis.call(
                jedis -> jedis.del(RedisKeys.tenantThreads(surface, tenant), RedisKeys.tenantUsers(surface, tenant)));
        log.info("erased {} thread(s) of {} tenant {}", threads, surface.id(), tenant);
        return threads;
    }

    private List<String> members(String sortedSet) {
        return redis.call(jedis -> jedis.zrange(sortedSet, 0, -1));
    }
}
