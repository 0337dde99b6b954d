package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Inquiry;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.report.DistributionModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code settings [licence-policy saas|distributed|internal|default] [model <name>|default]}: shows the
 * tenant's settings, or changes them. A model must be in the price table, so every choice has a cost estimate.
 * The settings it keeps are the tenant's preferences for every later inquiry.
 */
final class SettingsCommand {

    static final String USAGE = "Usage: settings [licence-policy saas|distributed|internal|default] "
            + "[model <name>|default]. With no arguments it shows the current settings.";
    private static final String DEFAULT = "default";

    private final PriceTable prices;
    private final TenantProfiles profiles;

    SettingsCommand(PriceTable prices, TenantProfiles profiles) {
        this.prices = requireNonNull(prices, "prices");
        this.profiles = requireNonNull(profiles, "profiles");
    }

    /** The tenant's own choices, for the inquiries that use them. */
    TenantPreferences preferences(TenantId tenant) {
        TenantProfile profile = profiles.load(tenant);
        return new TenantPreferences(profile.model(), profile.licencePolicy());
    }

    CommandOutcome apply(Inquiry inquiry, TenantId tenant) {
        TenantProfile profile = profiles.load(tenant);
        List<String> words = inquiry.text().isBlank()
                ? List.of()
                : List.of(inquiry.text().strip().split("\\s+"));
        if (words.size() % 2 != 0) {
            return rejected("Each setting needs a value. " + USAGE);
        }
        TenantProfile changed = profile;
        for (int i = 0; i < words.size(); i += 2) {
            String name = words.get(i).toLowerCase(Locale.ROOT);
            String value = words.get(i + 1);
            switch (name) {
                case "licence-policy", "license-policy", "policy" -> {
                    Optional<DistributionModel> policy = DistributionModel.fromId(value);
                    if (policy.isEmpty() && !value.equalsIgnoreCase(DEFAULT)) {
                        return rejected("Unknown licence policy '" + value + "': use one of " + DistributionModel.ids()
                                + ", or default.");
                    }
                    changed = changed.withLicencePolicy(policy);
                }
                case "model" -> {
                    if (!value.equalsIgnoreCase(DEFAULT) && !prices.knows(value)) {
                        return rejected("I don't know the model '" + value + "'. Choose one of "
                                + String.join(", ", new TreeSet<>(prices.models())) + ", or default.");
                    }
                    changed =
                            changed.withModel(value.equalsIgnoreCase(DEFAULT) ? Optional.empty() : Optional.of(value));
                }
                default -> {
                    return rejected("Unknown setting '" + name + "'. " + USAGE);
                }
            }
        }
        if (!changed.equals(profile)) {
            profiles.save(tenant, changed);
        }
        return new CommandOutcome.Shown(
                (words.isEmpty() ? "Settings of this workspace" : "Saved. Settings of " + "this workspace")
                        + ":\n• Licence policy for licence checks: "
                        + changed.licencePolicy().map(DistributionModel::id).orElse("the bot's default")
                        + "\n• Model for consultations: " + changed.model().orElse("the bot's default") + "\n" + USAGE);
    }

    private static CommandOutcome rejected(String text) {
        return new CommandOutcome.Denied(text);
    }
}
