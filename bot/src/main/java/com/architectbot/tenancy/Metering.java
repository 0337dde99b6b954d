package com.architectbot.tenancy;

import com.architectbot.core.Inquiry;
import com.architectbot.core.answer.TokenUsage;
import java.time.Clock;
import java.util.Optional;

/** Counts each answered request in its tenant's day and month, and reports the month back. */
record Metering(UsageMeter meter, TenantPlans plans, PriceTable prices, Clock clock) implements UsageReports {

    /** Counts a consultation or a licence check and its tokens; other kinds of inquiry cost nothing. */
    void record(Inquiry inquiry, TokenUsage usage) {
        UsageMeter.Metered.of(inquiry.kind())
                .ifPresent(what ->
                        meter.record(TenantId.of(inquiry.thread()), inquiry.user(), what, usage, clock.instant()));
    }

    @Override
    public String report(TenantId tenant, String viewer) {
        Optional<Plan> plan = plans.of(tenant);
        return UsageReport.text(plan, plans.limits(plan), prices, meter, tenant, viewer, clock.instant());
    }
}
