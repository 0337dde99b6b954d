package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import com.architectbot.testing.LicenceReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceReportMarkdownTest {

    private static final LicenceReport REPORT = new LicenceReport(
            DistributionModel.DISTRIBUTED,
            "policy.json",
            "3.28.0",
            List.of(
                    new LicenceFinding(
                            "pkg:npm/ok-lib@1.0.0",
                            "MIT",
                            "MIT",
                            LicenceCategory.PERMISSIVE,
                            Verdict.OK,
                            List.of(Obligation.ATTRIBUTION),
                            Provenance.DECLARED,
                            "",
                            true,
                            List.of(),
                            List.of()),
                    new LicenceFinding(
                            "pkg:maven/org.example/gpl-thing@1",
                            "GPL-2.0-only",
                            "GPL-2.0-only",
                            LicenceCategory.STRONG_COPYLEFT,
                            Verdict.BLOCKER,
                            List.of(Obligation.SOURCE_OFFER),
                            Provenance.MAPPED,
                            "mapped from 'GPL | v2'",
                            false,
                            List.of("pkg:npm/ok-lib@1.0.0"),
                            List.of()),
                    LicenceReports.unknownLicence("pkg:pypi/mystery@0.1")),
            List.of(new LicenceReport.Problem("pkg:pypi/mystery@0.1", "PyPI timed out")));

    @Test
    void summary_first_then_problems_then_the_table_worst_first() {
        String md = LicenceReportMarkdown.render(REPORT);

        assertThat(md)
                .startsWith(
                        "**Licence check, distributed:** 1 blocker · 1 review · 1 ok (3 dependencies, 1 with unknown licence)");
        int notChecked = md.indexOf("### Not checked");
        int attention = md.indexOf("### Needs attention");
        int table = md.indexOf("| Package |");
        assertThat(notChecked).isPositive().isLessThan(attention);
        assertThat(attention).isLessThan(table);
        assertThat(md.indexOf("`pkg:maven/org.example/gpl-thing@1` |"))
                .isLessThan(md.indexOf("`pkg:npm/ok-lib@1.0.0` |"));
        assertThat(md).contains("- `pkg:pypi/mystery@0.1`: PyPI timed out");
    }

    @Test
    void text_from_registries_cannot_break_the_table() {
        String md = LicenceReportMarkdown.render(REPORT);

        assertThat(md).contains("mapped from 'GPL \\| v2'");
        assertThat(md.lines()
                        .filter(line -> line.startsWith("| `pkg:maven/org.example/gpl-thing@1`"))
                        .findFirst()
                        .orElseThrow()
                        .split("(?<!\\\\)\\|"))
                .hasSize(8);
    }

    @Test
    void the_table_names_the_licence_chosen_from_a_choice_an_unknown_licence_and_the_path_of_a_transitive_one() {
        var report = new LicenceReport(
                DistributionModel.SAAS,
                "defaults",
                "3.28.0",
                List.of(
                        LicenceReportTextTest.DUAL,
                        finding("pkg:maven/org.example/gpl-thing@1"),
                        finding("pkg:pypi/mystery@0.1")),
                List.of());

        String md = LicenceReportMarkdown.render(report);

        assertThat(md)
                .contains(
                        "| `pkg:npm/dual@2.0.0` | MIT OR GPL-3.0-only (using MIT) | permissive | ok |  | declared | direct |",
                        "| `pkg:pypi/mystery@0.1` | unknown | unknown | review | identify-licence |",
                        "| source-offer | mapped from 'GPL \\| v2' | pkg:npm/ok-lib@1.0.0 |");
    }

    private static LicenceFinding finding(String purl) {
        return REPORT.dependencies().stream()
                .filter(f -> f.purl().equals(purl))
                .findFirst()
                .orElseThrow();
    }
}
