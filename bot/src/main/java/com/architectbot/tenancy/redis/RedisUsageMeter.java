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
import java.util.ArrayList;
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

    private final UnifiedJedis redis;
    private final UsageScripts scripts;

    /** @param monthTtl how long a month's usage is kept ({@code USAGE_RETENTION_DAYS}) */
    public RedisUsageMeter(UnifiedJedis redis, Duration monthTtl) {
        this.redis = requireNonNull(redis, "redis");
        this.scripts = new UsageScripts(redis, requireNonNull(monthTtl, "monthTtl"));
    }

    @Override
    public Admission admit(TenantId tenant, String user, String requestId, PlanLimits limits, Instant now) {
        return Admission.valueOf(scripts.admit(new TenantKeys(tenant), user, requestId, limits, now));
    }

    @Override
    public void record(TenantId tenant, String user, Metered what, TokenUsage tokens, Instant now) {
        TenantKeys keys = new TenantKeys(tenant);
        String counter = switch (what) {
            case CONSULTATION -> "consultations";
            case LICENCE_CHECK -> "licence_checks";
        };
        scripts.record(keys, user, counter, tokens, now);
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

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
