package com.architectbot.tenancy;

import com.architectbot.core.Inquiry;
import com.architectbot.core.Reply;
import com.architectbot.core.report.DistributionModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code settings [licence-policy saas|distributed|internal|default] [model <name>|default]}: shows the
 * tenant's settings, or changes them. A model must be in the price table, so every choice has a cost estimate.
 */
final class SettingsCommand {

    static final String USAGE = "Usage: settings [licence-policy saas|distributed|internal|default] "
            + "[model <name>|default]. With no arguments it shows the current settings.";
    private static final String DEFAULT = "default";

    private final PriceTable prices;

    SettingsCommand(PriceTable prices) {
        this.prices = prices;
    }

    Reply apply(Inquiry inquiry, TenantProfiles profiles, TenantId tenant) {
        TenantProfile profile = profiles.load(tenant);
        List<String> words = inquiry.text().isBlank() ? List.of() : List.of(inquiry.text().strip().split("\\s+"));
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
                    changed = changed.withModel(value.equalsIgnoreCase(DEFAULT) ? Optional.empty() : Optional.of(value));
                }
                default -> {
                    return rejected("Unknown setting '" + name + "'. " + USAGE);
                }
            }
        }
        if (!changed.equals(profile)) {
            profiles.save(tenant, changed);
        }
        return new Reply.Notice(Reply.Tone.INFO, (words.isEmpty() ? "Settings of this workspace" : "Saved. Settings of "
                + "this workspace") + ":\n• Licence policy for licence checks: "
                + changed.licencePolicy().map(DistributionModel::id).orElse("the bot's default")
                + "\n• Model for consultations: " + changed.model().orElse("the bot's default") + "\n" + USAGE);
    }

    private static Reply rejected(String text) {
        return new Reply.Notice(Reply.Tone.REJECTED, text);
    }
}
