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

class LicenceReportTextTest {

    /** Offers a choice (MIT OR GPL) and has no obligations; the Markdown table test uses it too. */
    static final LicenceFinding DUAL = new LicenceFinding(
            "pkg:npm/dual@2.0.0",
            "MIT OR GPL-3.0-only",
            "MIT",
            LicenceCategory.PERMISSIVE,
            Verdict.OK,
            List.of(),
            Provenance.DECLARED,
            "",
            true,
            List.of(),
            List.of());

    private static final LicenceFinding TRANSITIVE_GPL = new LicenceFinding(
            "pkg:maven/org.example/gpl-thing@1",
            "GPL-2.0-only",
            "GPL-2.0-only",
            LicenceCategory.STRONG_COPYLEFT,
            Verdict.BLOCKER,
            List.of(Obligation.SOURCE_OFFER, Obligation.SAME_LICENCE),
            Provenance.DECLARED,
            "",
            false,
            List.of("pkg:maven/org.example/app-lib@3", "pkg:maven/org.example/middle@2"),
            List.of("a note for the Markdown report only"));

    private static final LicenceFinding UNKNOWN = LicenceReports.unknownLicence("pkg:pypi/mystery@0.1");

    @Test
    void the_summary_names_the_model_and_counts_each_verdict_and_the_unknown_licences_without_markup() {
        var report = report(DistributionModel.DISTRIBUTED, List.of(DUAL, TRANSITIVE_GPL, UNKNOWN));

        assertThat(LicenceReportText.summary(report))
                .isEqualTo(
                        "Licence check, distributed: 1 blocker · 1 review · 1 ok (3 dependencies, 1 with unknown licence)");
    }

    @Test
    void the_summary_leaves_out_unknown_licences_when_there_are_none() {
        var report = report(DistributionModel.SAAS, List.of(DUAL));

        assertThat(LicenceReportText.title(report)).isEqualTo("Licence check, saas");
        assertThat(LicenceReportText.counts(report)).isEqualTo("0 blocker · 0 review · 1 ok (1 dependencies)");
    }

    @Test
    void a_transitive_finding_reads_as_verdict_package_licence_category_obligations_and_path() {
        assertThat(LicenceReportText.sentence(TRANSITIVE_GPL))
                .isEqualTo("blocker: pkg:maven/org.example/gpl-thing@1, GPL-2.0-only (strong-copyleft). Obligations: "
                        + Obligation.SOURCE_OFFER.description() + "; " + Obligation.SAME_LICENCE.description()
                        + ". Via pkg:maven/org.example/app-lib@3 > pkg:maven/org.example/middle@2");
    }

    @Test
    void a_direct_finding_with_a_choice_names_the_licence_chosen_and_no_path_or_obligations() {
        assertThat(LicenceReportText.sentence(DUAL))
                .isEqualTo("ok: pkg:npm/dual@2.0.0, MIT OR GPL-3.0-only (using MIT) (permissive)");
    }

    @Test
    void a_finding_without_a_licence_says_it_is_unknown() {
        assertThat(LicenceReportText.sentence(UNKNOWN))
                .isEqualTo("review: pkg:pypi/mystery@0.1, licence unknown (unknown). Obligations: "
                        + Obligation.IDENTIFY_LICENCE.description());
    }

    @Test
    void the_licence_shows_a_choice_only_when_the_chosen_one_differs() {
        assertThat(LicenceReportText.licence(DUAL)).hasValue("MIT OR GPL-3.0-only (using MIT)");
        assertThat(LicenceReportText.licence(TRANSITIVE_GPL)).hasValue("GPL-2.0-only");
        assertThat(LicenceReportText.licence(UNKNOWN)).isEmpty();
    }

    private static LicenceReport report(DistributionModel model, List<LicenceFinding> findings) {
        return new LicenceReport(model, "defaults", "3.28.0", findings, List.of());
    }
}
