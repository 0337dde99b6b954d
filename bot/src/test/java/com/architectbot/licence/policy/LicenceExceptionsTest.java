package com.architectbot.licence.policy;

import static com.architectbot.core.report.Obligation.ATTRIBUTION;
import static com.architectbot.core.report.Obligation.SOURCE_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.spdx.LicenceExpression;
import com.architectbot.licence.spdx.SpdxCatalogue;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spdx.library.ListedLicenses;

/** An exception changes a GPL licence's category only when it lets any program link to the work. */
class LicenceExceptionsTest {

    private static final SpdxExpressionParser PARSER = new SpdxExpressionParser(SpdxCatalogue.bundled());
    private static final String PURL = "pkg:maven/org.example/lib@1.0";
    private final LicenceEvaluator evaluator = new LicenceEvaluator(LicenceCategories.bundled());

    @Test
    void every_exception_on_the_spdx_list_is_classified_and_nothing_else_is() {
        SpdxCatalogue.useBundledListOnly();
        List<String> listed = ListedLicenses.getListedLicenses().getSpdxListedExceptionIds().stream()
                .map(id -> id.toLowerCase(Locale.ROOT))
                .sorted()
                .toList();

        assertThat(LicenceExceptions.bundled().ids()).containsExactlyInAnyOrderElementsOf(listed);
    }

    @ParameterizedTest
    @CsvSource({
        "GPL-2.0-only WITH Classpath-exception-2.0,           weak-copyleft,   review",
        "GPL-3.0-or-later WITH GCC-exception-3.1,             weak-copyleft,   review",
        "GPL-2.0-or-later WITH WxWindows-exception-3.1,       weak-copyleft,   review",
        "GPL-2.0-only WITH GCC-exception-2.0,                 weak-copyleft,   review",
        "GPL-2.0-or-later WITH eCos-exception-2.0,            weak-copyleft,   review",
        "GPL-3.0-or-later WITH Bison-exception-2.2,           strong-copyleft, blocker",
        "GPL-2.0-or-later WITH Bison-exception-1.24,          strong-copyleft, blocker",
        "GPL-3.0-or-later WITH Autoconf-exception-generic-3.0, strong-copyleft, blocker",
        "GPL-3.0-or-later WITH Texinfo-exception,             strong-copyleft, blocker",
        "GPL-3.0-only WITH LLVM-exception,                    strong-copyleft, blocker",
        "GPL-2.0-only WITH mxml-exception,                    strong-copyleft, blocker",
        "GPL-2.0-only WITH PCRE2-exception,                   strong-copyleft, blocker",
        "GPL-2.0-only WITH SHL-2.0,                           strong-copyleft, blocker",
        "GPL-2.0-only WITH Font-exception-2.0,                strong-copyleft, blocker",
        "GPL-2.0-only WITH Linux-syscall-note,                strong-copyleft, blocker",
        "GPL-2.0-or-later WITH u-boot-exception-2.0,          strong-copyleft, blocker",
        "GPL-3.0-or-later WITH GNOME-examples-exception,      strong-copyleft, blocker",
        "GPL-2.0-only WITH Universal-FOSS-exception-1.0,      strong-copyleft, blocker",
        "GPL-2.0-only WITH RRDtool-FLOSS-exception-2.0,       strong-copyleft, blocker",
        "GPL-3.0-only WITH GPL-3.0-linking-exception,         strong-copyleft, blocker",
        "GPL-2.0-only WITH OpenJDK-assembly-exception-1.0,    strong-copyleft, blocker",
        "GPL-2.0-or-later WITH openvpn-openssl-exception,     strong-copyleft, blocker",
        "GPL-2.0-only WITH GPL-CC-1.0,                        strong-copyleft, blocker",
        "AGPL-3.0-only WITH romic-exception,                  network-copyleft, blocker",
        "Apache-2.0 WITH LLVM-exception,                      permissive,      ok",
        "CC-BY-SA-4.0 WITH KiCad-libraries-exception,         weak-copyleft,   review"
    })
    void only_an_exception_for_any_program_weakens_copyleft_in_a_distributed_product(
            String expression, String category, String verdict) {
        Evaluation evaluation = evaluate(PARSER.parse(expression));

        assertThat(evaluation.category().id()).isEqualTo(category);
        assertThat(evaluation.verdict().id()).isEqualTo(verdict);
    }

    @Test
    void a_foss_only_exception_says_why_the_gpl_still_binds_proprietary_code() {
        Evaluation evaluation = evaluate(PARSER.parse("GPL-2.0-only WITH Universal-FOSS-exception-1.0"));

        assertThat(evaluation.notes())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("Universal-FOSS-exception-1.0 lets it combine only with software")
                        .endsWith("GPL-2.0-only stays strong-copyleft for proprietary code"));
    }

    @Test
    void an_exception_for_any_program_gives_its_reason_and_weak_copyleft_obligations() {
        Evaluation evaluation = evaluate(PARSER.parse("GPL-2.0-only WITH Classpath-exception-2.0"));

        assertThat(evaluation.obligations()).containsExactly(ATTRIBUTION, SOURCE_OFFER);
        assertThat(evaluation.notes())
                .containsExactly("Classpath-exception-2.0 lets independent modules under any licence link to it and "
                        + "the result be distributed under any terms: treated as weak copyleft");
    }

    @Test
    void an_exception_that_frees_only_generated_output_says_the_gpl_still_binds() {
        Evaluation evaluation = evaluate(PARSER.parse("GPL-3.0-or-later WITH Bison-exception-2.2"));

        assertThat(evaluation.notes())
                .containsExactly("Bison-exception-2.2 lets works containing the Bison parser skeleton be distributed "
                        + "under any terms: GPL-3.0-or-later stays strong-copyleft");
    }

    @Test
    void an_exception_for_a_permissive_licence_on_the_gpl_is_judged_without_it_and_says_so() {
        Evaluation evaluation = evaluate(PARSER.parse("GPL-3.0-only WITH LLVM-exception"));

        assertThat(evaluation.category()).isEqualTo(LicenceCategory.STRONG_COPYLEFT);
        assertThat(evaluation.notes())
                .containsExactly("LLVM-exception belongs with a permissive licence, not GPL-3.0-only: GPL-3.0-only is "
                        + "judged as strong-copyleft without it");
    }

    @Test
    void only_the_any_program_scope_weakens_copyleft() {
        assertThat(Arrays.stream(LicenceExceptions.Scope.values()).filter(LicenceExceptions.Scope::permitsAnyProgram))
                .containsExactly(LicenceExceptions.Scope.ANY_PROGRAM);
    }

    @Test
    void an_exception_we_have_not_classified_changes_nothing_and_says_so() {
        LicenceExpression gplWithStranger = new LicenceExpression.WithException(
                new LicenceExpression.Licence("GPL-3.0-only"), "Acme-linking-exception");

        Evaluation evaluation = evaluate(gplWithStranger);

        assertThat(evaluation.category()).isEqualTo(LicenceCategory.STRONG_COPYLEFT);
        assertThat(evaluation.verdict()).isEqualTo(Verdict.BLOCKER);
        assertThat(evaluation.notes())
                .containsExactly("Acme-linking-exception is not in our table of exceptions: GPL-3.0-only is judged as "
                        + "strong-copyleft without it");
    }

    private Evaluation evaluate(LicenceExpression expression) {
        return evaluator.evaluate(expression, PURL, LicencePolicy.defaults(DistributionModel.DISTRIBUTED));
    }
}
