package com.architectbot.testing;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Licence reports for renderer and replier tests: one blocker, one package not checked, and {@code ok} fine ones. */
public final class LicenceReports {

    public static final String BLOCKER_PURL = "pkg:npm/mongo-thing@4.0.0";
    public static final String NOT_CHECKED_PURL = "pkg:npm/%40acme/slow@1.0.0";

    private LicenceReports() {}

    /** A package whose registry timed out: no licence, so it needs review and its licence identified. */
    public static LicenceFinding unknownLicence(String purl) {
        return new LicenceFinding(
                purl,
                null,
                null,
                LicenceCategory.UNKNOWN,
                Verdict.REVIEW,
                List.of(Obligation.IDENTIFY_LICENCE),
                Provenance.UNKNOWN,
                "PyPI timed out",
                true,
                List.of(),
                List.of());
    }

    public static LicenceReport withOkDependencies(int ok) {
        List<LicenceFinding> findings = new ArrayList<>();
        findings.add(new LicenceFinding(
                BLOCKER_PURL,
                "SSPL-1.0",
                "SSPL-1.0",
                LicenceCategory.SOURCE_AVAILABLE,
                Verdict.BLOCKER,
                List.of(Obligation.USE_RESTRICTIONS),
                Provenance.DECLARED,
                "",
                true,
                List.of(),
                List.of()));
        IntStream.range(0, ok)
                .forEach(i -> findings.add(new LicenceFinding(
                        "pkg:maven/org.example/lib-" + i + "@1.0." + i,
                        "Apache-2.0",
                        "Apache-2.0",
                        LicenceCategory.PERMISSIVE,
                        Verdict.OK,
                        List.of(Obligation.ATTRIBUTION),
                        Provenance.DECLARED,
                        "",
                        true,
                        List.of(),
                        List.of())));
        return new LicenceReport(
                DistributionModel.SAAS,
                "defaults",
                "3.28.0",
                findings,
                List.of(new LicenceReport.Problem(NOT_CHECKED_PURL, "npm registry timed out")));
    }
}
