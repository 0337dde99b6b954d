package com.architectbot.tenancy;

import com.architectbot.core.answer.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin's view of usage: this month's counts, tokens and estimated cost by model, and the limits left; on no
 * plan, that there are no limits, and what was used this hour and today.
 */
final class UsageReport {

    private UsageReport() {}

    static String text(
            Optional<Plan> plan,
            PlanLimits limits,
            PriceTable prices,
            UsageMeter meter,
            TenantId tenant,
            String user,
            Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        MonthlyUsage usage = meter.month(tenant, month);
        Consumption current = meter.current(tenant, user, now);
        StringBuilder text = new StringBuilder();
        text.append("Usage of this workspace in ")
                .append(month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .append(' ')
                .append(month.getYear())
                .append(plan.map(paid -> " (" + paid.label() + " plan)\n").orElse(" (no plan: no limits)\n"));
        text.append("• Consultations: %,d\n".formatted(usage.consultations()));
        text.append("• Licence checks: %,d\n".formatted(usage.licenceChecks()));
        BigDecimal total = BigDecimal.ZERO;
        boolean unpriced = false;
        if (usage.tokens().isEmpty()) {
            text.append("• Tokens: none yet\n");
        }
        for (TokenUsage tokens : usage.tokens()) {
            Optional<BigDecimal> cost = prices.cost(tokens);
            text.append("• Tokens on %s: %,d in, %,d out, %s\n"
                    .formatted(
                            tokens.model(),
                            tokens.inputTokens(),
                            tokens.outputTokens(),
                            cost.map(UsageReport::dollars).orElse("no price known")));
            total = total.add(cost.orElse(BigDecimal.ZERO));
            unpriced |= cost.isEmpty();
        }
        text.append("• Estimated cost: ")
                .append(dollars(total))
                .append(unpriced ? " (some models have no price)" : "")
                .append(" — an estimate from list prices, not an invoice\n");
        text.append(plan.isPresent() ? limitsLeft(limits, current) : noLimits(current));
        return text.toString();
    }

    private static String limitsLeft(PlanLimits limits, Consumption current) {
        return "Limits: requests per hour: you %s, workspace %s; tokens today: you %s, workspace %s."
                        .formatted(
                                left(current.userRequestsThisHour(), limits.requestsPerHourPerUser()),
                                left(current.tenantRequestsThisHour(), limits.requestsPerHourPerTenant()),
                                left(current.userTokensToday(), limits.tokensPerDayPerUser()),
                                left(current.tenantTokensToday(), limits.tokensPerDayPerTenant()))
                + " Hourly limits reset on the hour, daily ones at 00:00 UTC.";
    }

    private static String noLimits(Consumption current) {
        return ("Limits: none, as no plan is assigned (an operator can assign one with `architect-bot tenant plan`)."
                        + " Used this hour: you %,d requests, workspace %,d; today: you %,d tokens, workspace %,d.")
                .formatted(
                        current.userRequestsThisHour(),
                        current.tenantRequestsThisHour(),
                        current.userTokensToday(),
                        current.tenantTokensToday());
    }

    private static String left(long used, long limit) {
        return "%,d of %,d used, %,d left".formatted(used, limit, Math.max(0, limit - used));
    }

    private static String dollars(BigDecimal amount) {
        return "≈ $"
                + amount.setScale(amount.compareTo(BigDecimal.ONE) < 0 ? 4 : 2, RoundingMode.HALF_UP)
                        .toPlainString();
    }
}
