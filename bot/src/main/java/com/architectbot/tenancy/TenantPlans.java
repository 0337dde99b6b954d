package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Which plan each tenant pays for, and what that plan allows. */
record TenantPlans(TenantProfiles profiles, TenancySettings settings) {

    TenantPlans {
        requireNonNull(profiles, "profiles");
        requireNonNull(settings, "settings");
    }

    /** The plan the tenant pays for: stored by the operator, else {@code DEFAULT_PLAN}; none if neither is set. */
    Optional<Plan> of(TenantId tenant) {
        return stored(tenant).or(settings::defaultPlan);
    }

    /** The plan the operator stored for the tenant, if any. */
    Optional<Plan> stored(TenantId tenant) {
        return profiles.load(tenant).plan();
    }

    /** What the plan allows; no plan limits nothing. */
    PlanLimits limits(Optional<Plan> plan) {
        return plan.map(settings.plans()::of).orElse(PlanLimits.NONE);
    }

    /** Stores the plan, keeping the tenant's admins' settings. */
    void set(TenantId tenant, Plan plan) {
        profiles.save(tenant, profiles.load(tenant).withPlan(Optional.of(plan)));
    }
}
