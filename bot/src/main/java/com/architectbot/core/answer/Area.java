package com.architectbot.core.answer;

/** The expertise areas the detailed analysis is grouped by. */
public enum Area {
    PRODUCTION_READINESS,
    SCALABILITY,
    COMMERCIAL_AND_LICENSING,
    ACCOUNTS_AND_SUBSCRIPTIONS,
    CUSTOMER_SUCCESS_AND_SUPPORT,
    PATCHING_AND_UPDATES,
    SECURITY_AND_COMPLIANCE
}
