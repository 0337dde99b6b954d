package com.architectbot.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceReportFormatsTest {

    static final LicenceReport REPORT = new LicenceReport(
            DistributionModel.SAAS,
            "defaults",
            "3.28.0",
            List.of(
                    new LicenceFinding(
                            "pkg:maven/org.apache.commons/commons-lang3@3.14.0",
                            "Apache-2.0",
                            "Apache-2.0",
                            LicenceCategory.PERMISSIVE,
                            Verdict.OK,
                            List.of(Obligation.ATTRIBUTION),
                            Provenance.MAPPED,
                            "mapped from 'The Apache Software License, Version 2.0'",
                            true,
                            List.of(),
                            List.of()),
                    new LicenceFinding(
                            "pkg:npm/%40acme/slow@1.0.0",
                            null,
                            null,
                            LicenceCategory.UNKNOWN,
                            Verdict.REVIEW,
                            List.of(Obligation.IDENTIFY_LICENCE),
                            Provenance.UNKNOWN,
                            "npm registry timed out",
                            false,
                            List.of("pkg:npm/app@1.0.0"),
                            List.of("no licence declared or found")),
                    new LicenceFinding(
                            "pkg:maven/org.example/engine@2.0",
                            "MIT OR AGPL-3.0-only",
                            "MIT",
                            LicenceCategory.PERMISSIVE,
                            Verdict.OK,
                            List.of(Obligation.ATTRIBUTION),
                            Provenance.DECLARED,
                            "",
                            false,
                            List.of("pkg:maven/org.example/app@1", "pkg:maven/org.example/core@1"),
                            List.of("chose MIT of MIT OR AGPL-3.0-only")),
                    new LicenceFinding(
                            "pkg:npm/mongo-thing@4.0.0",
                            "SSPL-1.0",
                            "SSPL-1.0",
                            LicenceCategory.SOURCE_AVAILABLE,
                            Verdict.BLOCKER,
                            List.of(Obligation.USE_RESTRICTIONS),
                            Provenance.DECLARED,
                            "",
                            true,
                            List.of(),
                            List.of())),
            List.of(new LicenceReport.Problem("pkg:npm/%40acme/slow@1.0.0", "npm registry timed out")));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void json_follows_the_public_contract_exactly() throws Exception {
        JsonNode root = json.readTree(LicenceReportJson.render(REPORT));

        assertThat(fieldNames(root)).containsExactly("policy", "dependencies", "summary");
        assertThat(root.get("policy").asText()).isEqualTo("saas");
        JsonNode blocker = root.get("dependencies").get(0);
        assertThat(fieldNames(blocker))
                .containsExactly(
                        "purl", "license", "category", "verdict", "obligations", "provenance", "direct", "path");
        assertThat(blocker.get("purl").asText()).isEqualTo("pkg:npm/mongo-thing@4.0.0");
        assertThat(blocker.get("license").asText()).isEqualTo("SSPL-1.0");
        assertThat(blocker.get("category").asText()).isEqualTo("source-available");
        assertThat(blocker.get("verdict").asText()).isEqualTo("blocker");
        assertThat(blocker.get("obligations").get(0).asText()).isEqualTo("use-restrictions");
        assertThat(blocker.get("provenance").asText()).isEqualTo("declared");
        assertThat(blocker.get("direct").isBoolean()).isTrue();
        assertThat(blocker.get("path").isArray()).isTrue();
    }

    @Test
    void json_keeps_unknown_licences_as_null_and_the_full_expression_for_choices() throws Exception {
        JsonNode dependencies = json.readTree(LicenceReportJson.render(REPORT)).get("dependencies");

        JsonNode unknown = dependencies.get(1);
        assertThat(unknown.get("purl").asText()).isEqualTo("pkg:npm/%40acme/slow@1.0.0");
        assertThat(unknown.has("license")).isTrue();
        assertThat(unknown.get("license").isNull()).isTrue();
        assertThat(unknown.get("provenance").asText()).isEqualTo("unknown");
        assertThat(unknown.get("direct").asBoolean()).isFalse();
        assertThat(unknown.get("path").get(0).asText()).isEqualTo("pkg:npm/app@1.0.0");
        assertThat(dependencies.get(3).get("license").asText()).isEqualTo("MIT OR AGPL-3.0-only");
    }

    @Test
    void json_summary_counts_verdicts_and_lists_problems() throws Exception {
        JsonNode summary = json.readTree(LicenceReportJson.render(REPORT)).get("summary");

        assertThat(summary.get("total").asInt()).isEqualTo(4);
        assertThat(summary.get("ok").asInt()).isEqualTo(2);
        assertThat(summary.get("review").asInt()).isEqualTo(1);
        assertThat(summary.get("blocker").asInt()).isEqualTo(1);
        assertThat(summary.get("unknown").asInt()).isEqualTo(1);
        assertThat(summary.get("problems").get(0).get("reason").asText()).isEqualTo("npm registry timed out");
    }

    @Test
    void csv_quotes_what_needs_quoting_and_lists_worst_first() {
        String csv = LicenceReportCsv.render(REPORT);
        String[] lines = csv.split("\r\n");

        assertThat(lines[0])
                .isEqualTo("purl,license,chosen,category,verdict,obligations,provenance,provenance_detail,direct,path");
        assertThat(lines[1]).startsWith("pkg:npm/mongo-thing@4.0.0,SSPL-1.0,SSPL-1.0,source-available,blocker,");
        assertThat(csv).contains(",\"mapped from 'The Apache Software License, Version 2.0'\",true,");
        assertThat(csv).contains("pkg:maven/org.example/app@1 > pkg:maven/org.example/core@1");
        assertThat(lines).hasSize(5);
    }

    @Test
    void csv_fields_are_escaped_per_rfc_4180_and_defused_for_spreadsheets() {
        assertThat(LicenceReportCsv.field("plain")).isEqualTo("plain");
        assertThat(LicenceReportCsv.field("say \"hi\", ok")).isEqualTo("\"say \"\"hi\"\", ok\"");
        assertThat(LicenceReportCsv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(LicenceReportCsv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
