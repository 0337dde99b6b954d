package com.architectbot.tenancy.redis;

import com.architectbot.core.answer.TokenUsage;
import com.architectbot.tenancy.PlanLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The usage meter's two writes, each one atomic Lua script, with its keys and arguments in the order the
 * script reads them: admitting a request into its hour (or naming the limit it hits), and recording what was
 * answered. Both set every key's expiry and add the key to the tenant's index, so erasure finds it without a scan.
 */
final class UsageScripts {

    /** Hour sets outlive their hour a little, so a report at the turn of the hour still reads them. */
    static final Duration HOUR_TTL = Duration.ofHours(2);

    static final Duration DAY_TTL = Duration.ofDays(35);

    /**
     * Adds keys to the index (the last key), scored by their expiry; drops the expired ones; keeps the index
     * as long as its longest-lived member. Prepended to the scripts below, whose ARGV[1] is now in ms.
     */
    private static final String INDEXING = """
            local function index(keys, ttl, indexTtl)
              local now = tonumber(ARGV[1])
              for _, key in ipairs(keys) do
                redis.call('ZADD', KEYS[#KEYS], now + tonumber(ttl), key)
              end
              redis.call('ZREMRANGEBYSCORE', KEYS[#KEYS], '-inf', now)
              redis.call('PEXPIRE', KEYS[#KEYS], indexTtl)
            end
            """;

    /**
     * KEYS: tenant hour set, user hour set, tenant day tokens, user day tokens, key index. ARGV: now ms, request
     * id, user requests limit, tenant requests limit, user tokens limit, tenant tokens limit, hour ttl ms, index ttl ms.
     */
    private static final String ADMIT = INDEXING + """
            if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then return 'ADMITTED' end
            if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 'USER_REQUESTS' end
            if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 'TENANT_REQUESTS' end
            if tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[5]) then return 'USER_TOKENS' end
            if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[6]) then return 'TENANT_TOKENS' end
            redis.call('SADD', KEYS[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
            redis.call('PEXPIRE', KEYS[2], ARGV[7])
            index({KEYS[1], KEYS[2]}, ARGV[7], ARGV[8])
            return 'ADMITTED'
            """;

    /**
     * KEYS: day hash, month hash, tenant day tokens, user day tokens, key index.
     * ARGV: now ms, counter field, model, tokens in, tokens out, day ttl ms, month ttl ms, index ttl ms.
     */
    private static final String RECORD = INDEXING + """
            local total = tonumber(ARGV[4]) + tonumber(ARGV[5])
            for i = 1, 2 do
              redis.call('HINCRBY', KEYS[i], ARGV[2], 1)
              if total > 0 then
                redis.call('HINCRBY', KEYS[i], 'in:' .. ARGV[3], ARGV[4])
                redis.call('HINCRBY', KEYS[i], 'out:' .. ARGV[3], ARGV[5])
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            redis.call('PEXPIRE', KEYS[2], ARGV[7])
            for i = 3, 4 do
              redis.call('INCRBY', KEYS[i], total)
              redis.call('PEXPIRE', KEYS[i], ARGV[6])
            end
            index({KEYS[1], KEYS[3], KEYS[4]}, ARGV[6], ARGV[8])
            index({KEYS[2]}, ARGV[7], ARGV[8])
            return total
            """;

    private final UnifiedJedis redis;
    private final Duration monthTtl;

    UsageScripts(UnifiedJedis redis, Duration monthTtl) {
        this.redis = redis;
        this.monthTtl = monthTtl;
    }

    /** Admits the request or names the limit it hits: an {@link com.architectbot.tenancy.Admission} name. */
    String admit(TenantKeys keys, String user, String requestId, PlanLimits limits, Instant now) {
        Object result = redis.eval(
                ADMIT,
                List.of(
                        keys.tenantRequests(now),
                        keys.userRequests(now, user),
                        keys.tenantTokens(now),
                        keys.userTokens(now, user),
                        keys.index()),
                List.of(
                        Long.toString(now.toEpochMilli()),
                        requestId,
                        Long.toString(limits.requestsPerHourPerUser()),
                        Long.toString(limits.requestsPerHourPerTenant()),
                        Long.toString(limits.tokensPerDayPerUser()),
                        Long.toString(limits.tokensPerDayPerTenant()),
                        Long.toString(HOUR_TTL.toMillis()),
                        Long.toString(indexTtl().toMillis())));
        return String.valueOf(result);
    }

    /** Counts one answered request ({@code counter}) and its tokens in the day, the month and the token counters. */
    void record(TenantKeys keys, String user, String counter, TokenUsage tokens, Instant now) {
        redis.eval(
                RECORD,
                List.of(
                        keys.day(now),
                        keys.month(YearMonth.from(now.atZone(ZoneOffset.UTC))),
                        keys.tenantTokens(now),
                        keys.userTokens(now, user),
                        keys.index()),
                List.of(
                        Long.toString(now.toEpochMilli()),
                        counter,
                        tokens.model(),
                        Long.toString(tokens.inputTokens()),
                        Long.toString(tokens.outputTokens()),
                        Long.toString(DAY_TTL.toMillis()),
                        Long.toString(monthTtl.toMillis()),
                        Long.toString(indexTtl().toMillis())));
    }

    /** The index lives as long as the longest-lived key it may hold. */
    private Duration indexTtl() {
        return Collections.max(List.of(HOUR_TTL, DAY_TTL, monthTtl));
    }
}
