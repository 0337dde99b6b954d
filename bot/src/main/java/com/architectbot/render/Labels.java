package com.architectbot.render;

import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.Priority;

/** The words every surface shows for the answer's closed sets. */
public final class Labels {

    public static final String SUMMARY = "Executive Summary";
    public static final String CRITICAL_ISSUES = "Critical Issues";
    public static final String ANALYSIS = "Detailed Analysis";
    public static final String RECOMMENDATIONS = "Recommendations";
    public static final String QUESTIONS = "Questions for Clarification";
    public static final String NO_CRITICAL_ISSUES = "None identified.";

    private Labels() {}

    public static String of(Area area) {
        return switch (area) {
            case PRODUCTION_READINESS -> "Production Readiness & Reliability";
            case SCALABILITY -> "Scalability";
            case COMMERCIAL_AND_LICENSING -> "Commercial & Licensing";
            case ACCOUNTS_AND_SUBSCRIPTIONS -> "Accounts & Subscriptions";
            case CUSTOMER_SUCCESS_AND_SUPPORT -> "Customer Success & Support";
            case PATCHING_AND_UPDATES -> "Patching, Updates & Maintenance";
            case SECURITY_AND_COMPLIANCE -> "Security & Compliance";
        };
    }

    /** The persona's flags, word for word. */
    public static String of(Priority priority) {
        return switch (priority) {
            case CRITICAL_BLOCKER -> "Critical blocker";
            case BEFORE_LAUNCH -> "Should address before launch";
            case FUTURE -> "Future consideration";
        };
    }
}
