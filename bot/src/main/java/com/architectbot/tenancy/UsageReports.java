package com.architectbot.tenancy;

/** The usage report of a tenant: what admins see with {@code usage} and operators with {@code tenant usage}. */
@FunctionalInterface
interface UsageReports {

    /**
     * This month's counts, tokens and estimated cost by model, and the limits left.
     *
     * @param viewer whose own request and token counters the limits show
     */
    String report(TenantId tenant, String viewer);
}
