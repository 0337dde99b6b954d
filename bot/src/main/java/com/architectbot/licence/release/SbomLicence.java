package com.architectbot.licence.release;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.licence.spdx.LicenceExpression;
import com.architectbot.licence.spdx.SpdxCatalogue;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One finding's licence as an SBOM can state it. The report's expression is parsed again rather than
 * trusted: whatever does not parse as SPDX is kept as text ({@code unreadable}) and never written where an
 * SBOM expects an expression.
 *
 * @param declared the package's whole expression, or null when unknown or unreadable
 * @param chosen the option the verdict rests on, or null
 * @param unreadable the report's licence text when it is not an SPDX expression, else null
 * @param originalText the registry's own words when they had to be mapped ("Apache-style"), else null
 */
record SbomLicence(LicenceExpression declared, LicenceExpression chosen, String unreadable, String originalText) {

    private static final String MAPPED_FROM = "mapped from '";

    static SbomLicence of(LicenceFinding finding) {
        Optional<LicenceExpression> declared = parse(finding.licence());
        String unreadable = finding.licence() != null && declared.isEmpty() ? finding.licence() : null;
        return new SbomLicence(
                declared.orElse(null),
                parse(finding.chosen()).orElse(null),
                unreadable,
                originalText(finding.provenanceDetail()));
    }

    /** A single {@code LicenseRef-} the registry named in words: an SBOM can show those words as its name. */
    boolean isNamedReference() {
        return declared instanceof LicenceExpression.Licence licence && licence.isReference() && originalText != null;
    }

    /** The {@code LicenseRef-} ids this licence uses (an SPDX document must declare each). */
    SortedSet<String> references() {
        SortedSet<String> ids = new TreeSet<>();
        Stream.of(declared, chosen)
                .filter(e -> e != null)
                .flatMap(LicenceExpression::terms)
                .map(term -> term.licence().id())
                .filter(id -> id.startsWith("LicenseRef-"))
                .forEach(ids::add);
        return ids;
    }

    /** SPDX 2.3 has no AdditionRef, and a DocumentRef would need the other document declared: neither is written. */
    static boolean fitsSpdx2(LicenceExpression expression) {
        String text = expression.toString();
        return !text.contains("DocumentRef-") && !text.contains("AdditionRef-");
    }

    private static Optional<LicenceExpression> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        return Parser.INSTANCE.tryParse(expression, false); // too long or too deep: empty as well
    }

    /** The registry's words, from the report's "mapped from '...'" (possibly after "inherited from ..., "). */
    private static String originalText(String detail) {
        int start = detail.indexOf(MAPPED_FROM);
        if (start < 0 || !detail.endsWith("'") || detail.length() <= start + MAPPED_FROM.length() + 1) {
            return null;
        }
        return detail.substring(start + MAPPED_FROM.length(), detail.length() - 1);
    }

    private static final class Parser {
        private static final SpdxExpressionParser INSTANCE = new SpdxExpressionParser(SpdxCatalogue.bundled());
    }
}
