package com.architectbot.tenancy;

import com.architectbot.core.Inquiry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan limits, checked before any slow work: only consultations are limited, and a refusal says why. A tenant
 * on no plan is admitted always, still counted in its hour for the usage report.
 */
record PlanAdmission(TenantPlans plans, UsageMeter meter, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(PlanAdmission.class);

    /** Admits the inquiry, counting it in its hour, or says which limit it hit. */
    Optional<Refusal> admit(Inquiry inquiry) {
        if (UsageMeter.Metered.of(inquiry.kind())
                .filter(UsageMeter.Metered::limited)
                .isEmpty()) {
            return Optional.empty(); // only consultations spend the plan's requests and tokens
        }
        TenantId tenant = TenantId.of(inquiry.thread());
        Optional<Plan> plan = plans.of(tenant);
        PlanLimits limits = plans.limits(plan);
        Instant now = clock.instant();
        Admission admission = meter.admit(tenant, inquiry.user(), inquiry.id().value(), limits, now);
        if (admission == Admission.ADMITTED) {
            return Optional.empty();
        }
        Plan limiting = plan.orElseThrow(); // no plan has no limits to reach
        LOG.info("{} refused for tenant {}: {} on the {} plan", inquiry.id(), tenant, admission, limiting.id());
        return Optional.of(new Refusal(
                admission,
                LimitNotice.text(admission, limiting, limits, inquiry.thread().surface(), now)));
    }
}
