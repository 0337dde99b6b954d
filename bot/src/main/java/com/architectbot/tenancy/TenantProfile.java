package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.DistributionModel;
import java.util.Optional;

/** What is stored about a tenant: its plan and its admins' choices; empty means the default. */
public record TenantProfile(Optional<Plan> plan, Optional<String> model, Optional<DistributionModel> licencePolicy) {

    public static final TenantProfile EMPTY = new TenantProfile(Optional.empty(), Optional.empty(), Optional.empty());

    public TenantProfile {
        requireNonNull(plan, "plan");
        requireNonNull(model, "model");
        requireNonNull(licencePolicy, "licencePolicy");
    }

    public TenantProfile withModel(Optional<String> newModel) {
        return new TenantProfile(plan, newModel, licencePolicy);
    }

    public TenantProfile withLicencePolicy(Optional<DistributionModel> newPolicy) {
        return new TenantProfile(plan, model, newPolicy);
    }

    public TenantProfile withPlan(Optional<Plan> newPlan) {
        return new TenantProfile(newPlan, model, licencePolicy);
    }
}
