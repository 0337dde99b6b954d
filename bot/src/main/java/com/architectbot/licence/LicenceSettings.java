package com.architectbot.licence;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toSet;

import com.architectbot.config.Environment;
import com.architectbot.core.report.DistributionModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * The licence check's settings, filled by {@code BotConfig} from the environment.
 *
 * @param defaultModel {@code LICENCE_POLICY} (saas | distributed | internal), default {@link #DEFAULT_MODEL}
 * @param policyFile {@code LICENCE_POLICY_FILE}: a company policy (JSON) over the defaults; null for none
 * @param lookupBudget {@code LICENCE_LOOKUP_TIMEOUT_SECONDS}, default {@link #DEFAULT_LOOKUP_BUDGET}:
 *     how long one check waits for all registry look-ups together; what is still missing is reported unknown
 */
public record LicenceSettings(DistributionModel defaultModel, Path policyFile, Duration lookupBudget) {

    /** The strictest common model: a shipped product owes the most. */
    public static final DistributionModel DEFAULT_MODEL = DistributionModel.DISTRIBUTED;

    public static final Duration DEFAULT_LOOKUP_BUDGET = Duration.ofSeconds(60);
    public static final LicenceSettings DEFAULTS = new LicenceSettings(DEFAULT_MODEL, null, DEFAULT_LOOKUP_BUDGET);

    public static LicenceSettings from(Environment env) {
        Set<String> models = Arrays.stream(DistributionModel.values())
                .map(DistributionModel::id)
                .collect(toSet());
        return new LicenceSettings(
                DistributionModel.fromId(env.choice("LICENCE_POLICY", DEFAULT_MODEL.id(), models))
                        .orElseThrow(),
                env.optional("LICENCE_POLICY_FILE").map(Path::of).orElse(null),
                env.seconds("LICENCE_LOOKUP_TIMEOUT_SECONDS", DEFAULT_LOOKUP_BUDGET));
    }

    public LicenceSettings {
        requireNonNull(defaultModel, "defaultModel");
        requireNonNull(lookupBudget, "lookupBudget");
        if (lookupBudget.isNegative() || lookupBudget.isZero()) {
            throw new IllegalArgumentException("LICENCE_LOOKUP_TIMEOUT_SECONDS must be positive, was " + lookupBudget);
        }
    }
}
