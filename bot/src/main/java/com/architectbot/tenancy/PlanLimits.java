package com.architectbot.tenancy;

/**
 * What a plan allows. Requests are consultations per clock hour (UTC): a licence check is metered but spends
 * none of them; tokens are model tokens in and out per day (UTC).
 */
public record PlanLimits(
        int requestsPerHourPerUser,
        int requestsPerHourPerTenant,
        long tokensPerDayPerUser,
        long tokensPerDayPerTenant) {

    /** The limits of no plan: a tenant nobody assigned a plan to is metered but never refused. */
    public static final PlanLimits NONE =
            new PlanLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    public PlanLimits {
        if (requestsPerHourPerUser < 0
                || requestsPerHourPerTenant < 0
                || tokensPerDayPerUser < 0
                || tokensPerDayPerTenant < 0) {
            throw new IllegalArgumentException("plan limits must not be negative");
        }
    }
}
