package com.architectbot.tenancy;

import com.architectbot.core.InquiryKind;
import com.architectbot.core.answer.TokenUsage;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Counts what each tenant uses, and admits requests within their plan's windows. Its counters name users,
 * so {@code forget-me} and the tenant's erasure clear them as {@link PersonalData}: a user's own counters, or
 * every counter of the tenant.
 */
public interface UsageMeter extends PersonalData {

    /**
     * Admits the consultation if it fits this hour's request limits and today's token limits, counting it in the
     * hour. The same request id is admitted again without being counted twice (a redelivered job).
     */
    Admission admit(TenantId tenant, String user, String requestId, PlanLimits limits, Instant now);

    /** Adds an answered request to the tenant's day and month: a consultation or a licence check, and tokens. */
    void record(TenantId tenant, String user, Metered what, TokenUsage tokens, Instant now);

    MonthlyUsage month(TenantId tenant, YearMonth month);

    Consumption current(TenantId tenant, String user, Instant now);

    /** What is counted: the requests that cost something. */
    enum Metered {
        CONSULTATION,
        LICENCE_CHECK;

        /** What the kind of inquiry counts as; commands, help and {@code forget} count as nothing. */
        static Optional<Metered> of(InquiryKind kind) {
            return switch (kind) {
                case CONSULTATION, DECISION_RECORD -> Optional.of(CONSULTATION); // a record is written by the model
                case LICENCE_CHECK -> Optional.of(LICENCE_CHECK);
                case FORGET, HELP, USAGE, SETTINGS, EXPORT, FORGET_ME, ERASE_ALL_DATA, KNOWLEDGE -> Optional.empty();
            };
        }

        /**
         * Whether the plan's limits apply: a consultation spends requests and model tokens; a licence check is
         * deterministic and spends neither, so it never takes a consultation's place.
         */
        boolean limited() {
            return this == CONSULTATION;
        }
    }
}
