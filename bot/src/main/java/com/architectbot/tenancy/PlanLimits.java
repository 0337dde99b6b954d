package com.architectbot.tenancy;

/**
 * What a plan allows. Requests are consultations and licence checks per clock hour (UTC); tokens are
 * model tokens in and out per day (UTC).
 */
public record PlanLimits(
        int requestsPerHourPerUser,
        int requestsPerHourPerTenant,
        long tokensPerDayPerUser,
        long tokensPerDayPerTenant) {

    public PlanLimits {
        if (requestsPerHourPerUser < 0
                || requestsPerHourPerTenant < 0
                || tokensPerDayPerUser < 0
                || tokensPerDayPerTenant < 0) {
            throw new IllegalArgumentException("plan limits must not be negative");
        }
    }
}
