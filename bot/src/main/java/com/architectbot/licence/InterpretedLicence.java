package com.architectbot.licence;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.Provenance;
import com.architectbot.licence.spdx.LicenceExpression;

/**
 * A package's declared licence, read as SPDX.
 *
 * @param expression null only when nothing was declared (then {@code provenance} is UNKNOWN); text that
 *     cannot be mapped is a {@code LicenseRef-} id, never dropped
 * @param originalText the statements as the registry gave them, when any had to be mapped; else null
 * @param inheritedFrom the parent the licence was taken from, or null
 */
public record InterpretedLicence(
        LicenceExpression expression, Provenance provenance, String originalText, PackageRef inheritedFrom) {

    public InterpretedLicence {
        requireNonNull(provenance, "provenance");
        if ((expression == null) != (provenance == Provenance.UNKNOWN)) {
            throw new IllegalArgumentException("an expression is missing exactly when the provenance is unknown");
        }
    }

    public static InterpretedLicence unknown() {
        return new InterpretedLicence(null, Provenance.UNKNOWN, null, null);
    }

    /** "inherited from pkg:maven/...", "mapped from 'Apache 2'", "inferred from the name 'BSD-style'", or empty. */
    public String detail() {
        StringBuilder detail = new StringBuilder();
        if (inheritedFrom != null) {
            detail.append("inherited from ").append(inheritedFrom.purl());
        }
        if (originalText != null) {
            detail.append(detail.isEmpty() ? "" : ", ")
                    .append(LicenceFamily.appearsIn(expression) ? "inferred from the name '" : "mapped from '")
                    .append(originalText)
                    .append('\'');
        }
        return detail.toString();
    }
}
