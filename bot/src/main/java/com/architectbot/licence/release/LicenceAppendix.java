package com.architectbot.licence.release;

import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.licence.policy.LicenceObligations;
import com.architectbot.licence.spdx.LicenceExpression;
import com.architectbot.licence.spdx.SpdxCatalogue;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which licence texts the notices must carry, and their text. Every listed licence (and exception) a
 * distributed package is used under obliges shipping its text, permissive ones included (MIT, BSD and ISC
 * require "this permission notice", Apache-2.0 section 4a "a copy of this License"), except dedications to the
 * public domain and the licences that waive even attribution ({@link LicenceObligations#waivesAttribution}, the
 * same table the report's obligations come from). For a choice
 * ({@code OR}) only the option the verdict rests on counts. A {@code LicenseRef-} has no listed text: its
 * package is one for a human.
 */
final class LicenceAppendix {

    private final BundledLicenceTexts texts;
    private final SpdxCatalogue catalogue;
    private final SpdxExpressionParser parser;

    LicenceAppendix(BundledLicenceTexts texts, SpdxCatalogue catalogue) {
        this.texts = texts;
        this.catalogue = catalogue;
        this.parser = new SpdxExpressionParser(catalogue);
    }

    /** The listed ids whose texts these packages oblige shipping, sorted. */
    Set<String> idsFor(Collection<LicenceFinding> findings) {
        Set<String> ids = new TreeSet<>();
        for (LicenceFinding finding : findings) {
            if (finding.category() != LicenceCategory.PUBLIC_DOMAIN) {
                listedIds(finding)
                        .filter(id -> !LicenceObligations.waivesAttribution(id))
                        .forEach(ids::add);
            }
        }
        return ids;
    }

    /** The package's licence has no listed text to ship (unknown, or a {@code LicenseRef-}): a human decides. */
    boolean needsHuman(LicenceFinding finding) {
        if (finding.licence() == null || finding.category() == LicenceCategory.UNKNOWN) {
            return true;
        }
        return expression(finding)
                .map(e -> e.terms().anyMatch(term -> term.licence().isReference()))
                .orElse(true);
    }

    /** {@code ==== MIT: MIT License ====} and the text; empty for an id the list has no text for. */
    Optional<String> section(String id) {
        String name = catalogue.licence(id).map(SpdxCatalogue.LicenceInfo::name).orElse(id);
        return texts.text(id)
                .map(text -> "==== " + id + ": " + name + " ====\n\n"
                        + PlainText.clean(text).strip());
    }

    private Stream<String> listedIds(LicenceFinding finding) {
        return expression(finding).stream().flatMap(LicenceExpression::terms).flatMap(term -> {
            Stream<String> licence = term.licence().isReference()
                    ? Stream.empty()
                    : Stream.of(term.licence().id());
            return term instanceof LicenceExpression.WithException with
                    ? Stream.concat(licence, Stream.of(with.exception()))
                    : licence;
        });
    }

    private Optional<LicenceExpression> expression(LicenceFinding finding) {
        String expression = finding.chosen() != null ? finding.chosen() : finding.licence();
        return expression == null ? Optional.empty() : parser.tryParse(expression, false);
    }
}
