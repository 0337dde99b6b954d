package com.architectbot.tenancy.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.answer.TokenUsage;
import com.architectbot.tenancy.Admission;
import com.architectbot.tenancy.Consumption;
import com.architectbot.tenancy.MonthlyUsage;
import com.architectbot.tenancy.PlanLimits;
import com.architectbot.tenancy.TenantId;
import com.architectbot.tenancy.UsageMeter;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Usage in Redis. Requests are admitted into an hour's set of request ids (so a redelivered job is not
 * counted twice); tokens are day counters; what was answered goes into a day hash and a month hash
 * ({@code consultations}, {@code licence_checks}, {@code in:<model>}, {@code out:<model>}). Every key expires,
 * and an index of the live keys (scored by their expiry) lets erasure find them without a scan.
 */
public final class RedisUsageMeter implements UsageMeter {

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

    /** @param monthTtl how long a month's usage is kept ({@code USAGE_RETENTION_DAYS}) */
    public RedisUsageMeter(UnifiedJedis redis, Duration monthTtl) {
        this.redis = requireNonNull(redis, "redis");
        this.monthTtl = requireNonNull(monthTtl, "monthTtl");
    }

    @Override
    public Admission admit(
            TenantId tenant, String user, String requestId, PlanLimits limits, boolean usesTokens, Instant now) {
        TenantKeys keys = new TenantKeys(tenant);
        long noLimit = Long.MAX_VALUE / 2;
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
                        Long.toString(usesTokens ? limits.tokensPerDayPerUser() : noLimit),
                        Long.toString(usesTokens ? limits.tokensPerDayPerTenant() : noLimit),
                        Long.toString(HOUR_TTL.toMillis()),
                        Long.toString(indexTtl().toMillis())));
        return Admission.valueOf(String.valueOf(result));
    }

    @Override
    public void record(TenantId tenant, String user, Metered what, TokenUsage tokens, Instant now) {
        TenantKeys keys = new TenantKeys(tenant);
        String counter = switch (what) {
            case CONSULTATION -> "consultations";
            case LICENCE_CHECK -> "licence_checks";
        };
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

    @Override
    public MonthlyUsage month(TenantId tenant, YearMonth month) {
        Map<String, String> fields = redis.hgetAll(new TenantKeys(tenant).month(month));
        List<TokenUsage> tokens = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("in:")) {
                String model = field.substring(3);
                tokens.add(new TokenUsage(model, Long.parseLong(value), number(fields.get("out:" + model))));
            }
        });
        tokens.sort(Comparator.comparingLong(TokenUsage::total).reversed());
        return new MonthlyUsage(
                month, number(fields.get("consultations")), number(fields.get("licence_checks")), tokens);
    }

    @Override
    public Consumption current(TenantId tenant, String user, Instant now) {
        TenantKeys keys = new TenantKeys(tenant);
        return new Consumption(
                redis.scard(keys.userRequests(now, user)),
                redis.scard(keys.tenantRequests(now)),
                number(redis.get(keys.userTokens(now, user))),
                number(redis.get(keys.tenantTokens(now))));
    }

    @Override
    public void eraseUser(TenantId tenant, String user) {
        TenantKeys keys = new TenantKeys(tenant);
        String[] own = redis.zrange(keys.index(), 0, -1).stream()
                .filter(key -> keys.isUserKey(key, user))
                .toArray(String[]::new);
        if (own.length > 0) {
            redis.del(own); // one slot: one DEL, also on a cluster
            redis.zrem(keys.index(), own);
        }
    }

    @Override
    public void eraseTenant(TenantId tenant) {
        TenantKeys keys = new TenantKeys(tenant);
        List<String> written = new ArrayList<>(redis.zrange(keys.index(), 0, -1));
        written.addAll(redis.smembers(keys.legacyIndex()));
        written.add(keys.index());
        written.add(keys.legacyIndex());
        redis.del(written.toArray(String[]::new)); // one slot: one DEL, also on a cluster
    }

    /** The index lives as long as the longest-lived key it may hold. */
    private Duration indexTtl() {
        return Collections.max(List.of(HOUR_TTL, DAY_TTL, monthTtl));
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
