package com.architectbot.licence.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.spdx.SpdxCatalogue;
import com.architectbot.licence.spdx.SpdxExpressionParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicencePolicyFileTest {

    private static final SpdxExpressionParser PARSER = new SpdxExpressionParser(SpdxCatalogue.bundled());
    private final LicenceEvaluator evaluator = new LicenceEvaluator(LicenceCategories.bundled());

    @TempDir
    Path directory;

    @Test
    void a_denied_licence_is_a_blocker_even_when_its_category_is_fine() throws Exception {
        LicencePolicy policy = read("{\"licences\": {\"deny\": [\"WTFPL\"]}}");

        Evaluation evaluation = evaluator.evaluate(PARSER.parse("WTFPL"), "pkg:npm/foo@1.0.0", policy);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.BLOCKER);
        assertThat(evaluation.notes()).anyMatch(note -> note.contains("deny WTFPL"));
    }

    @Test
    void a_denied_option_makes_or_choose_the_other() throws Exception {
        LicencePolicy policy = read("{\"licenses\": {\"deny\": [\"MIT\"]}}");

        Evaluation evaluation = evaluator.evaluate(PARSER.parse("MIT OR Apache-2.0"), "pkg:npm/foo@1.0.0", policy);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.OK);
        assertThat(evaluation.chosen()).hasToString("Apache-2.0");
    }

    @Test
    void an_allowed_package_is_ok_whatever_its_licence() throws Exception {
        LicencePolicy policy = read("{\"model\": \"saas\", \"packages\": {\"allow\": [\"pkg:maven/com.acme/*\"]}}");

        Evaluation allowed = evaluator.evaluate(PARSER.parse("AGPL-3.0-only"), "pkg:maven/com.acme/engine@2.1", policy);
        Evaluation other = evaluator.evaluate(PARSER.parse("AGPL-3.0-only"), "pkg:maven/org.other/engine@2.1", policy);

        assertThat(policy.model()).isEqualTo(DistributionModel.SAAS);
        assertThat(allowed.verdict()).isEqualTo(Verdict.OK);
        assertThat(allowed.obligations()).contains(Obligation.NETWORK_SOURCE_DISCLOSURE);
        assertThat(other.verdict()).isEqualTo(Verdict.BLOCKER);
    }

    @Test
    void a_package_pattern_without_a_version_matches_every_version() throws Exception {
        LicencePolicy policy = read("{\"packages\": {\"deny\": [\"pkg:npm/left-pad\"]}}");

        Evaluation evaluation = evaluator.evaluate(PARSER.parse("MIT"), "pkg:npm/left-pad@1.3.0", policy);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.BLOCKER);
    }

    @Test
    void category_verdicts_are_overridden_for_one_model_or_all() throws Exception {
        LicencePolicy policy = read("""
                {"categories": {"weak-copyleft": "ok", "strong-copyleft": {"saas": "blocker"}}}""");

        assertThat(policy.withModel(DistributionModel.DISTRIBUTED).verdictFor(LicenceCategory.WEAK_COPYLEFT))
                .isEqualTo(Verdict.OK);
        assertThat(policy.withModel(DistributionModel.SAAS).verdictFor(LicenceCategory.STRONG_COPYLEFT))
                .isEqualTo(Verdict.BLOCKER);
        assertThat(policy.withModel(DistributionModel.INTERNAL).verdictFor(LicenceCategory.STRONG_COPYLEFT))
                .isEqualTo(Verdict.OK);
    }

    @Test
    void mistakes_in_the_file_are_reported_with_the_key_to_fix() {
        assertThatThrownBy(() -> read("{\"categories\": {\"weak-copyleft\": \"okay\"}}"))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .contains("categories.weak-copyleft", "'okay'", "ok, review or blocker");
        assertThatThrownBy(() -> read("{\"licences\": {\"forbid\": [\"MIT\"]}}"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("licences.forbid");
        assertThatThrownBy(() -> read("{\"model\": \"cloud\"}"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("saas, distributed, internal");
        assertThatThrownBy(() -> read("{not json"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void a_missing_file_is_a_clear_failure() {
        assertThatThrownBy(() -> LicencePolicyFile.read(
                        directory.resolve("absent.json"), LicencePolicy.defaults(DistributionModel.SAAS)))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .contains("absent.json");
    }

    private LicencePolicy read(String json) throws Exception {
        Path file = Files.writeString(directory.resolve("policy.json"), json);
        return LicencePolicyFile.read(file, LicencePolicy.defaults(DistributionModel.DISTRIBUTED));
    }
}
