package com.architectbot.tenancy;

import com.architectbot.core.answer.TokenUsage;
import java.time.Instant;
import java.time.YearMonth;

/** Counts what each tenant uses, and admits requests within their plan's windows. */
public interface UsageMeter {

    /**
     * Admits the request if it fits this hour's request limits and today's token limits, counting it in the
     * hour. The same request id is admitted again without being counted twice (a redelivered job).
     */
    Admission admit(TenantId tenant, String user, String requestId, PlanLimits limits, boolean usesTokens, Instant now);

    /** Adds an answered request to the tenant's day and month: a consultation or a licence check, and tokens. */
    void record(TenantId tenant, String user, Metered what, TokenUsage tokens, Instant now);

    MonthlyUsage month(TenantId tenant, YearMonth month);

    Consumption current(TenantId tenant, String user, Instant now);

    /** Erases the user's own counters (their requests this hour, their tokens today); the tenant's totals stay. */
    void eraseUser(TenantId tenant, String user);

    /** Erases every counter of the tenant. */
    void erase(TenantId tenant);

    /** What is counted. */
    enum Metered { CONSULTATION, LICENCE_CHECK }
}
