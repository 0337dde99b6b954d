package com.architectbot.licence.policy;

import static com.architectbot.core.report.Obligation.ATTRIBUTION;
import static com.architectbot.core.report.Obligation.FILE_LEVEL_COPYLEFT;
import static com.architectbot.core.report.Obligation.LINKING_CONDITIONS;
import static com.architectbot.core.report.Obligation.NETWORK_SOURCE_DISCLOSURE;
import static com.architectbot.core.report.Obligation.SOURCE_OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.spdx.SpdxCatalogue;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenceEvaluatorTest {

    private static final SpdxExpressionParser PARSER = new SpdxExpressionParser(SpdxCatalogue.bundled());
    private static final String PURL = "pkg:maven/org.example/lib@1.0";
    private final LicenceEvaluator evaluator = new LicenceEvaluator(LicenceCategories.bundled());

    @Test
    void or_takes_the_best_option_and_names_it() {
        Evaluation evaluation = evaluate("(MIT OR GPL-3.0-or-later)", DistributionModel.DISTRIBUTED);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.OK);
        assertThat(evaluation.chosen()).hasToString("MIT");
        assertThat(evaluation.category()).isEqualTo(LicenceCategory.PERMISSIVE);
        assertThat(evaluation.notes()).first().asString().contains("chose MIT of MIT OR GPL-3.0-or-later");
    }

    @Test
    void or_prefers_a_listed_licence_to_an_equally_good_licence_ref() {
        // Jersey's POM lists ten licences, "Public Domain" among them, for different files
        Evaluation evaluation = evaluate("LicenseRef-Public-Domain OR Apache-2.0", DistributionModel.DISTRIBUTED);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.OK);
        assertThat(evaluation.chosen()).hasToString("Apache-2.0");
    }

    @Test
    void and_takes_the_worst_verdict_and_every_obligation() {
        Evaluation evaluation = evaluate("MIT AND LGPL-2.1-only AND MPL-2.0", DistributionModel.DISTRIBUTED);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(evaluation.category()).isEqualTo(LicenceCategory.WEAK_COPYLEFT);
        assertThat(evaluation.obligations())
                .containsExactly(ATTRIBUTION, SOURCE_OFFER, LINKING_CONDITIONS, FILE_LEVEL_COPYLEFT);
    }

    @Test
    void and_of_content_licences_carries_all_obligations_and_the_worst_verdict_a_policy_sets() {
        LicencePolicy policy = LicencePolicyFile.parse(
                "{\"licences\": {\"review\": [\"OFL-1.1\"]}}",
                LicencePolicy.defaults(DistributionModel.DISTRIBUTED),
                "test");

        Evaluation evaluation = evaluator.evaluate(PARSER.parse("(CC-BY-4.0 AND OFL-1.1 AND MIT)"), PURL, policy);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(evaluation.obligations()).containsExactly(ATTRIBUTION);
        assertThat(evaluation.chosen()).hasToString("CC-BY-4.0 AND OFL-1.1 AND MIT");
    }

    @Test
    void classpath_exception_keeps_gpl_from_blocking_a_distributed_product() {
        Evaluation plain = evaluate("GPL-2.0-only", DistributionModel.DISTRIBUTED);
        Evaluation withException = evaluate("GPL-2.0-only WITH Classpath-exception-2.0", DistributionModel.DISTRIBUTED);

        assertThat(plain.verdict()).isEqualTo(Verdict.BLOCKER);
        assertThat(withException.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(withException.category()).isEqualTo(LicenceCategory.WEAK_COPYLEFT);
        assertThat(withException.obligations()).containsExactly(ATTRIBUTION, SOURCE_OFFER);
        assertThat(withException.notes()).anyMatch(note -> note.contains("Classpath-exception-2.0"));
    }

    @Test
    void among_equal_verdicts_or_prefers_the_licence_that_is_milder_without_its_exception() {
        Evaluation evaluation =
                evaluate("GPL-2.0-only WITH Classpath-exception-2.0 OR CDDL-1.1", DistributionModel.DISTRIBUTED);

        assertThat(evaluation.chosen()).hasToString("CDDL-1.1");
        assertThat(evaluation.verdict()).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void an_exception_that_is_not_about_linking_changes_nothing() {
        Evaluation evaluation =
                evaluate("GPL-2.0-or-later WITH openvpn-openssl-exception", DistributionModel.DISTRIBUTED);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.BLOCKER);
        assertThat(evaluation.category()).isEqualTo(LicenceCategory.STRONG_COPYLEFT);
    }

    @ParameterizedTest
    @CsvSource({
        "AGPL-3.0-only,        saas,        blocker",
        "AGPL-3.0-only,        internal,    review",
        "GPL-3.0-only,         saas,        review",
        "GPL-3.0-only,         distributed, blocker",
        "GPL-3.0-only,         internal,    ok",
        "LGPL-2.1-only,        distributed, review",
        "LGPL-2.1-only,        saas,        ok",
        "MPL-2.0,              distributed, review",
        "SSPL-1.0,             saas,        blocker",
        "BUSL-1.1,             saas,        blocker",
        "Elastic-2.0,          internal,    review",
        "LicenseRef-Commons-Clause, saas,   blocker",
        "CC-BY-NC-4.0,         distributed, blocker",
        "LicenseRef-Proprietary, saas,      review",
        "LicenseRef-SEE-LICENSE-IN-LICENSE, distributed, review",
        "Apache-2.0,           distributed, ok",
        "CC0-1.0,              saas,        ok"
    })
    void default_policy_per_distribution_model(String licence, String model, String verdict) {
        Evaluation evaluation =
                evaluate(licence, DistributionModel.fromId(model).orElseThrow());

        assertThat(evaluation.verdict().id()).isEqualTo(verdict);
    }

    @Test
    void agpl_in_saas_owes_network_source_disclosure() {
        assertThat(evaluate("AGPL-3.0-or-later", DistributionModel.SAAS).obligations())
                .contains(NETWORK_SOURCE_DISCLOSURE);
    }

    @Test
    void an_unknown_licence_asks_for_review_and_identification() {
        Evaluation evaluation = evaluator.evaluate(null, PURL, LicencePolicy.defaults(DistributionModel.SAAS));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(evaluation.category()).isEqualTo(LicenceCategory.UNKNOWN);
        assertThat(evaluation.obligations()).containsExactly(Obligation.IDENTIFY_LICENCE);
        assertThat(evaluation.chosen()).isNull();
    }

    private Evaluation evaluate(String expression, DistributionModel model) {
        return evaluator.evaluate(PARSER.parse(expression), PURL, LicencePolicy.defaults(model));
    }
}
