package com.architectbot.licence.policy;

import static com.architectbot.core.report.Obligation.ATTRIBUTION;
import static com.architectbot.core.report.Obligation.COMMERCIAL_TERMS;
import static com.architectbot.core.report.Obligation.FILE_LEVEL_COPYLEFT;
import static com.architectbot.core.report.Obligation.IDENTIFY_LICENCE;
import static com.architectbot.core.report.Obligation.LINKING_CONDITIONS;
import static com.architectbot.core.report.Obligation.NETWORK_SOURCE_DISCLOSURE;
import static com.architectbot.core.report.Obligation.SAME_LICENCE;
import static com.architectbot.core.report.Obligation.SOURCE_OFFER;
import static com.architectbot.core.report.Obligation.USE_RESTRICTIONS;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Obligation;
import java.util.List;
import java.util.Set;

/**
 * What a licence obliges, by category and distribution model. Copyleft obligations are triggered by
 * distribution (AGPL's also by network use), so a SaaS backend owes less than a shipped binary. The one table
 * of which licences waive attribution: the report and the notices both ask it.
 */
public final class LicenceObligations {

    /** Public-domain dedications and zero-clause licences: no attribution, so no text to ship. */
    public static final Set<String> NO_ATTRIBUTION =
            Set.of("CC0-1.0", "Unlicense", "0BSD", "MIT-0", "WTFPL", "PDDL-1.0");

    private LicenceObligations() {}

    /** Whether the licence (an SPDX id) asks for no attribution, not even its own text. */
    public static boolean waivesAttribution(String licenceId) {
        return NO_ATTRIBUTION.contains(licenceId);
    }

    static List<Obligation> of(
            LicenceCategory category, String licenceId, boolean linkingException, DistributionModel model) {
        boolean ships = model == DistributionModel.DISTRIBUTED;
        return switch (category) {
            case PUBLIC_DOMAIN -> List.of();
            case PERMISSIVE ->
                model == DistributionModel.INTERNAL || waivesAttribution(licenceId) ? List.of() : List.of(ATTRIBUTION);
            case WEAK_COPYLEFT -> weakCopyleft(licenceId, linkingException, model);
            case STRONG_COPYLEFT -> ships ? List.of(ATTRIBUTION, SOURCE_OFFER, SAME_LICENCE) : List.of();
            case NETWORK_COPYLEFT ->
                ships
                        ? List.of(ATTRIBUTION, SOURCE_OFFER, SAME_LICENCE, NETWORK_SOURCE_DISCLOSURE)
                        : List.of(NETWORK_SOURCE_DISCLOSURE, SAME_LICENCE);
            case SOURCE_AVAILABLE -> List.of(USE_RESTRICTIONS);
            case PROPRIETARY -> List.of(COMMERCIAL_TERMS);
            case UNKNOWN -> List.of(IDENTIFY_LICENCE);
        };
    }

    private static List<Obligation> weakCopyleft(String licenceId, boolean linkingException, DistributionModel model) {
        if (model != DistributionModel.DISTRIBUTED) {
            return model == DistributionModel.SAAS ? List.of(ATTRIBUTION) : List.of();
        }
        if (linkingException) {
            return List.of(ATTRIBUTION, SOURCE_OFFER);
        }
        boolean library = licenceId.startsWith("LGPL-");
        return List.of(ATTRIBUTION, SOURCE_OFFER, library ? LINKING_CONDITIONS : FILE_LEVEL_COPYLEFT);
    }
}
