package com.architectbot.tenancy;

/** What the current windows hold: requests this hour and tokens today, for one user and their tenant. */
public record Consumption(
        long userRequestsThisHour, long tenantRequestsThisHour, long userTokensToday, long tenantTokensToday) {}
