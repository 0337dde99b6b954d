package com.architectbot.tenancy.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.tenancy.Plan;
import com.architectbot.tenancy.TenantId;
import com.architectbot.tenancy.TenantProfile;
import com.architectbot.tenancy.TenantProfiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/** Tenant profiles as one hash per tenant ({@code plan}, {@code model}, {@code licence_policy}); kept until erased. */
public final class RedisTenantProfiles implements TenantProfiles {

    private static final String PLAN = "plan";
    private static final String MODEL = "model";
    private static final String LICENCE_POLICY = "licence_policy";

    private final UnifiedJedis redis;

    public RedisTenantProfiles(UnifiedJedis redis) {
        this.redis = requireNonNull(redis, "redis");
    }

    @Override
    public TenantProfile load(TenantId tenant) {
        Map<String, String> fields = redis.hgetAll(new TenantKeys(tenant).profile());
        return new TenantProfile(
                Optional.ofNullable(fields.get(PLAN)).flatMap(Plan::fromId),
                Optional.ofNullable(fields.get(MODEL)),
                Optional.ofNullable(fields.get(LICENCE_POLICY)).flatMap(DistributionModel::fromId));
    }

    @Override
    public void save(TenantId tenant, TenantProfile profile) {
        String key = new TenantKeys(tenant).profile();
        Map<String, String> fields = new HashMap<>();
        profile.plan().ifPresent(plan -> fields.put(PLAN, plan.id()));
        profile.model().ifPresent(model -> fields.put(MODEL, model));
        profile.licencePolicy().ifPresent(policy -> fields.put(LICENCE_POLICY, policy.id()));
        redis.del(key);
        if (!fields.isEmpty()) {
            redis.hset(key, fields);
        }
    }

    @Override
    public void erase(TenantId tenant) {
        redis.del(new TenantKeys(tenant).profile());
    }
}
