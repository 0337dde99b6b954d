package com.architectbot.tenancy;

import com.architectbot.conversation.Surface;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The polite refusal: which limit, when it resets, who can raise it, and that the question was not answered. */
final class LimitNotice {

    private LimitNotice() {}

    static String text(Admission admission, Plan plan, PlanLimits limits, Surface surface, Instant now) {
        String limit = switch (admission) {
            case USER_REQUESTS ->
                "you've reached your limit of %,d requests per hour".formatted(limits.requestsPerHourPerUser());
            case TENANT_REQUESTS ->
                "this workspace has reached its limit of %,d requests per hour"
                        .formatted(limits.requestsPerHourPerTenant());
            case USER_TOKENS -> "you've used your %,d model tokens for today".formatted(limits.tokensPerDayPerUser());
            case TENANT_TOKENS ->
                "this workspace has used its %,d model tokens for today".formatted(limits.tokensPerDayPerTenant());
            case ADMITTED -> throw new IllegalArgumentException("an admitted request needs no notice");
        };
        Instant reset = switch (admission) {
            case USER_REQUESTS, TENANT_REQUESTS ->
                now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            case USER_TOKENS, TENANT_TOKENS, ADMITTED ->
                now.atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        };
        return "Sorry, I haven't answered this one: " + limit + " on the " + plan.label() + " plan. "
                + "The limit resets at " + resetTime(reset, now) + " (in " + inWords(Duration.between(now, reset))
                + "); "
                + "please ask again then. Nothing else is lost: this conversation's context is kept. "
                + "To raise the limit, a workspace admin can move this workspace to a larger plan"
                + (surface == Surface.SLACK
                        ? " (admins can see usage with `/architect usage`)."
                        : " (admins can type `usage`).");
    }

    private static String resetTime(Instant reset, Instant now) {
        var at = reset.atZone(ZoneOffset.UTC);
        boolean today = at.toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return "%02d:%02d UTC%s".formatted(at.getHour(), at.getMinute(), today ? "" : " tomorrow");
    }

    private static String inWords(Duration left) {
        long minutes = Math.max(1, Math.ceilDiv(left.toSeconds(), 60));
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
