package com.architectbot.licence.spdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.licence.spdx.LicenceExpression.And;
import com.architectbot.licence.spdx.LicenceExpression.Licence;
import com.architectbot.licence.spdx.LicenceExpression.Or;
import com.architectbot.licence.spdx.LicenceExpression.WithException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxExpressionParserTest {

    private final SpdxExpressionParser parser = new SpdxExpressionParser(SpdxCatalogue.bundled());

    @Test
    void and_binds_tighter_than_or() {
        LicenceExpression parsed = parser.parse("MIT OR Apache-2.0 AND BSD-3-Clause");

        assertThat(parsed)
                .isEqualTo(new Or(List.of(
                        new Licence("MIT"), new And(List.of(new Licence("Apache-2.0"), new Licence("BSD-3-Clause"))))));
        assertThat(parsed).hasToString("MIT OR (Apache-2.0 AND BSD-3-Clause)");
    }

    @Test
    void parentheses_override_precedence() {
        LicenceExpression parsed = parser.parse("(MIT OR Apache-2.0) AND BSD-3-Clause");

        assertThat(parsed).isInstanceOf(And.class).hasToString("(MIT OR Apache-2.0) AND BSD-3-Clause");
    }

    @Test
    void with_binds_tighter_than_and() {
        LicenceExpression parsed = parser.parse("GPL-2.0-only WITH Classpath-exception-2.0 AND MIT");

        assertThat(parsed)
                .isEqualTo(new And(List.of(
                        new WithException(new Licence("GPL-2.0-only"), "Classpath-exception-2.0"),
                        new Licence("MIT"))));
    }

    @Test
    void operators_and_ids_are_case_insensitive_and_come_back_canonical() {
        assertThat(parser.parse("mit or apache-2.0 and (bsd-3-clause with llvm-exception)"))
                .hasToString("MIT OR (Apache-2.0 AND BSD-3-Clause WITH LLVM-exception)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GPL-2.0+                          | GPL-2.0-or-later",
                "GPL-2.0                           | GPL-2.0-only",
                "LGPL-2.1+                         | LGPL-2.1-or-later",
                "GPL-2.0-only+                     | GPL-2.0-or-later",
                "AGPL-3.0                          | AGPL-3.0-only",
                "GPL-2.0-with-classpath-exception  | GPL-2.0-only WITH Classpath-exception-2.0",
                "Apache-1.1+                       | Apache-1.1+",
                "LicenseRef-Acme-EULA              | LicenseRef-Acme-EULA",
                "DocumentRef-sbom:LicenseRef-Acme  | DocumentRef-sbom:LicenseRef-Acme",
                "(MIT)                             | MIT",
                "MIT OR MIT                        | MIT"
            })
    void deprecated_ids_plus_and_references_are_understood(String text, String canonical) {
        assertThat(parser.parse(text)).hasToString(canonical);
    }

    @Test
    void or_later_is_kept_as_a_flag_outside_the_gnu_family() {
        assertThat(parser.parse("Apache-1.1+")).isEqualTo(new Licence("Apache-1.1", true));
    }

    @Test
    void a_slash_means_or_only_when_asked_for_crates() {
        assertThat(parser.parse("MIT/Apache-2.0", true)).hasToString("MIT OR Apache-2.0");
        assertThatThrownBy(() -> parser.parse("MIT/Apache-2.0")).isInstanceOf(SpdxParseException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "BSD",
                "Apache 2",
                "MIT AND",
                "(MIT",
                "MIT)",
                "MIT WITH Nonsense-exception",
                "AND MIT",
                "MIT OR OR Apache-2.0",
                "(MIT OR Apache-2.0) WITH Classpath-exception-2.0",
                "LicenseRef-x+"
            })
    void invalid_expressions_are_rejected_with_the_reason(String text) {
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(SpdxParseException.class)
                .hasMessageContaining("licence");
    }

    @Test
    void every_deprecated_id_maps_to_ids_that_are_not_deprecated() {
        SpdxCatalogue catalogue = SpdxCatalogue.bundled();
        List<SpdxCatalogue.LicenceInfo> deprecated = catalogue.licences().stream()
                .filter(SpdxCatalogue.LicenceInfo::deprecated)
                .toList();
        assertThat(deprecated).isNotEmpty();
        for (SpdxCatalogue.LicenceInfo licence : deprecated) {
            LicenceExpression modern = parser.parse(licence.id());
            assertThat(modern.terms()
                            .map(t -> catalogue.licence(t.licence().id()).orElseThrow()))
                    .as("modern form of %s: %s", licence.id(), modern)
                    .noneMatch(SpdxCatalogue.LicenceInfo::deprecated);
        }
    }

    @Test
    void nesting_up_to_the_limit_parses() {
        String nested =
                "(".repeat(SpdxExpressionParser.MAX_NESTING) + "MIT" + ")".repeat(SpdxExpressionParser.MAX_NESTING);

        assertThat(parser.parse(nested)).isEqualTo(new Licence("MIT"));
    }

    @Test
    void nesting_past_the_limit_is_bad_input_not_a_stack_overflow() {
        int depth = SpdxExpressionParser.MAX_NESTING + 1;
        String nested = "(".repeat(depth) + "MIT" + ")".repeat(depth);

        assertThatThrownBy(() -> parser.parse(nested))
                .isInstanceOf(SpdxParseException.class)
                .hasMessageContaining("nested deeper than " + SpdxExpressionParser.MAX_NESTING);
    }

    @Test
    void a_hundred_thousand_levels_are_refused_by_length_with_a_short_message() {
        String nested = "(".repeat(100_000) + "MIT" + ")".repeat(100_000);

        assertThatThrownBy(() -> parser.parse(nested, true))
                .isInstanceOf(SpdxParseException.class)
                .hasMessageContaining("longer than the " + SpdxExpressionParser.MAX_EXPRESSION_CHARS)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThat(parser.tryParse(nested, false)).isEmpty();
    }
}
