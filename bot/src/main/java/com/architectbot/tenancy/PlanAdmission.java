package com.architectbot.tenancy;

import com.architectbot.core.Inquiry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plan limits, checked before any slow work: only what is metered is limited, and a refusal says why. */
record PlanAdmission(TenantPlans plans, UsageMeter meter, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(PlanAdmission.class);

    /** Admits the inquiry, counting it in its hour, or says which limit it hit. */
    Optional<Refusal> admit(Inquiry inquiry) {
        Optional<UsageMeter.Metered> metered = UsageMeter.Metered.of(inquiry.kind());
        if (metered.isEmpty()) {
            return Optional.empty(); // only requests that cost something are limited
        }
        TenantId tenant = TenantId.of(inquiry.thread());
        Plan plan = plans.of(tenant);
        PlanLimits limits = plans.limits(plan);
        Instant now = clock.instant();
        Admission admission = meter.admit(
                tenant,
                inquiry.user(),
                inquiry.id().value(),
                limits,
                metered.get().usesTokens(),
                now);
        if (admission == Admission.ADMITTED) {
            return Optional.empty();
        }
        LOG.info("{} refused for tenant {}: {} on the {} plan", inquiry.id(), tenant, admission, plan.id());
        return Optional.of(new Refusal(
                admission,
                LimitNotice.text(admission, plan, limits, inquiry.thread().surface(), now)));
    }
}
