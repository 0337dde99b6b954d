package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans, prices and retention.
 *
 * @param defaultPlan {@code DEFAULT_PLAN}: the plan of a tenant that has none stored; unset by default, and a
 *     tenant on no plan has no limits (its usage is still metered)
 * @param plans the bundled limits, overridden by {@code PLANS_FILE} (a properties file)
 * @param prices the bundled price table, extended or overridden by {@code MODEL_PRICES_FILE}
 * @param auditContent {@code AUDIT_CONTENT}: audit entries carry the message text (default false)
 * @param auditRetention {@code AUDIT_RETENTION_DAYS} (default 90)
 * @param usageRetention {@code USAGE_RETENTION_DAYS}: how long monthly usage is kept (default 400)
 */
public record TenancySettings(
        Optional<Plan> defaultPlan,
        Plans plans,
        PriceTable prices,
        boolean auditContent,
        Duration auditRetention,
        Duration usageRetention) {

    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(90);
    public static final Duration DEFAULT_USAGE_RETENTION = Duration.ofDays(400);

    public TenancySettings {
        requireNonNull(defaultPlan, "defaultPlan");
        requireNonNull(plans, "plans");
        requireNonNull(prices, "prices");
        requireNonNull(auditRetention, "auditRetention");
        requireNonNull(usageRetention, "usageRetention");
    }

    public static TenancySettings defaults() {
        return new TenancySettings(
                Optional.empty(),
                Plans.bundled(),
                PriceTable.bundled(),
                false,
                DEFAULT_AUDIT_RETENTION,
                DEFAULT_USAGE_RETENTION);
    }

    public static TenancySettings from(Environment env) {
        Set<String> plans = Arrays.stream(Plan.values()).map(Plan::id).collect(Collectors.toSet());
        return new TenancySettings(
                env.optional("DEFAULT_PLAN")
                        .map(set -> Plan.fromId(env.choice("DEFAULT_PLAN", set, plans))
                                .orElseThrow()),
                env.optional("PLANS_FILE")
                        .map(file -> Plans.withFile(Path.of(file), "PLANS_FILE"))
                        .orElse(Plans.bundled()),
                env.optional("MODEL_PRICES_FILE")
                        .map(file -> PriceTable.withFile(Path.of(file), "MODEL_PRICES_FILE"))
                        .orElse(PriceTable.bundled()),
                env.flag("AUDIT_CONTENT", false),
                env.days("AUDIT_RETENTION_DAYS", DEFAULT_AUDIT_RETENTION),
                env.days("USAGE_RETENTION_DAYS", DEFAULT_USAGE_RETENTION));
    }

    @Override
    public String toString() {
        return "TenancySettings[defaultPlan=" + defaultPlan.map(Plan::id).orElse("none") + ", models priced="
                + prices.models().size()
                + ", auditContent=" + auditContent + ", auditRetention=" + auditRetention.toDays()
                + "d, usageRetention=" + usageRetention.toDays() + "d]";
    }
}
