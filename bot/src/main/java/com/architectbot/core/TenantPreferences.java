package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.DistributionModel;
import java.util.Optional;

/**
 * A tenant's own choices, set by its admins; empty means the configured default.
 *
 * @param model the language model its consultations use
 * @param licencePolicy the distribution model its licence checks judge by when the user names none
 */
public record TenantPreferences(Optional<String> model, Optional<DistributionModel> licencePolicy) {

    public static final TenantPreferences DEFAULTS = new TenantPreferences(Optional.empty(), Optional.empty());

    public TenantPreferences {
        requireNonNull(model, "model");
        requireNonNull(licencePolicy, "licencePolicy");
    }
}
