package com.architectbot.licence.release;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The cases an SBOM must carry: Maven with a transitive, npm scoped, OR, LicenseRef in words, unknown, blocker. */
final class SbomReports {

    static final String SPRING = "pkg:maven/org.springframework/spring-core@6.1.3";
    static final String JCL = "pkg:maven/org.springframework/spring-jcl@6.1.3";
    static final String SCOPED = "pkg:npm/%40acme/widget@2.1.0";
    static final String DUAL = "pkg:npm/dual@1.0.0";
    static final String WORDS = "pkg:maven/com.example/styled@0.9";
    static final String CUSTOM = "pkg:npm/custom@3.0.0";
    static final String UNKNOWN = "pkg:npm/mystery@0.0.1";
    static final String AGPL = "pkg:npm/agpl-engine@4.0.0";

    static final SbomStamp STAMP = new SbomStamp(
            "pom.xml", Instant.parse("2026-12-03T10:15:30Z"), UUID.fromString("3e671687-395b-41f5-a30f-a58921a69b79"));

    private SbomReports() {}

    static LicenceReport mixed() {
        return report(List.of(
                ok(SPRING, "Apache-2.0", "Apache-2.0", Provenance.DECLARED, "", List.of()),
                ok(JCL, "Apache-2.0", "Apache-2.0", Provenance.INHERITED, "inherited from " + SPRING, List.of(SPRING)),
                ok(SCOPED, "MIT", "MIT", Provenance.DECLARED, "", List.of()),
                ok(DUAL, "MIT OR GPL-3.0-only", "MIT", Provenance.DECLARED, "", List.of(SCOPED)),
                finding(
                        WORDS,
                        "LicenseRef-Apache-style",
                        "LicenseRef-Apache-style",
                        LicenceCategory.PERMISSIVE,
                        Verdict.REVIEW,
                        Provenance.MAPPED,
                        "mapped from 'Apache-style'",
                        List.of()),
                finding(
                        CUSTOM,
                        "MIT AND LicenseRef-Custom",
                        "MIT AND LicenseRef-Custom",
                        LicenceCategory.UNKNOWN,
                        Verdict.REVIEW,
                        Provenance.DECLARED,
                        "",
                        List.of()),
                finding(
                        UNKNOWN,
                        null,
                        null,
                        LicenceCategory.UNKNOWN,
                        Verdict.REVIEW,
                        Provenance.UNKNOWN,
                        "the registry declares no licence for it",
                        List.of()),
                finding(
                        AGPL,
                        "AGPL-3.0-only",
                        "AGPL-3.0-only",
                        LicenceCategory.NETWORK_COPYLEFT,
                        Verdict.BLOCKER,
                        Provenance.DECLARED,
                        "",
                        List.of(SCOPED))));
    }

    static LicenceReport report(List<LicenceFinding> findings) {
        return new LicenceReport(
                DistributionModel.DISTRIBUTED,
                "defaults",
                "3.28.0",
                findings,
                List.of(new LicenceReport.Problem("", "build.gradle: dynamic versions were skipped")));
    }

    static LicenceFinding ok(
            String purl, String licence, String chosen, Provenance provenance, String detail, List<String> path) {
        return finding(purl, licence, chosen, LicenceCategory.PERMISSIVE, Verdict.OK, provenance, detail, path);
    }

    static LicenceFinding finding(
            String purl,
            String licence,
            String chosen,
            LicenceCategory category,
            Verdict verdict,
            Provenance provenance,
            String detail,
            List<String> path) {
        return new LicenceFinding(
                purl,
                licence,
                chosen,
                category,
                verdict,
                verdict == Verdict.OK ? List.of(Obligation.ATTRIBUTION) : List.of(),
                provenance,
                detail,
                path.isEmpty(),
                path,
                List.of());
    }
}
