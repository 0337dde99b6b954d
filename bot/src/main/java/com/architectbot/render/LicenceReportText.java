package com.architectbot.render;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.ReportFiles;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wording of a licence report without markup, shared by every surface: the summary line, one finding as a
 * sentence, the licence as declared. Each renderer adds its own emphasis and escaping around these words.
 */
public final class LicenceReportText {

    private LicenceReportText() {}

    /** "Licence check, saas": what the summary line is about. */
    public static String title(LicenceReport report) {
        return "Licence check, " + report.model().id();
    }

    /** The verdict counts: "1 blocker · 0 review · 2 ok (3 dependencies, 1 with unknown licence)". */
    public static String counts(LicenceReport report) {
        LicenceReport.Summary summary = report.summary();
        return summary.blocker() + " blocker · " + summary.review() + " review · " + summary.ok() + " ok ("
                + summary.total() + " dependencies"
                + (summary.unknown() > 0 ? ", " + summary.unknown() + " with unknown licence" : "") + ")";
    }

    /** The summary line: title, then counts. */
    public static String summary(LicenceReport report) {
        return title(report) + ": " + counts(report);
    }

    /** The files that should have gone with the report and could not be made, in a sentence; empty when none. */
    public static Optional<String> missingFiles(ReportFiles files) {
        if (files.missing().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "Not attached: " + String.join(", ", files.missing()) + " could not be made this time. Ask again for "
                        + (files.missing().size() == 1 ? "it." : "them."));
    }

    /** One finding in words: verdict, package, licence, category, obligations and, for a transitive one, its path. */
    public static String sentence(LicenceFinding finding) {
        StringBuilder line = new StringBuilder(finding.verdict().id())
                .append(": ")
                .append(finding.purl())
                .append(", ")
                .append(licence(finding).orElse("licence unknown"))
                .append(" (")
                .append(finding.category().id())
                .append(')')
                .append(obligations(finding));
        if (!finding.direct()) {
            line.append(". Via ").append(path(finding));
        }
        return line.toString();
    }

    /** The licence as declared, with the one chosen when it offered a choice; empty when unknown. */
    public static Optional<String> licence(LicenceFinding finding) {
        return Optional.ofNullable(finding.licence()).map(licence -> {
            boolean choice = finding.chosen() != null && !finding.chosen().equals(licence);
            return choice ? licence + " (using " + finding.chosen() + ")" : licence;
        });
    }

    /** ". Obligations: a; b" to follow a finding, or nothing when it has none. */
    static String obligations(LicenceFinding finding) {
        return finding.obligations().isEmpty()
                ? ""
                : ". Obligations: "
                        + finding.obligations().stream()
                                .map(Obligation::description)
                                .collect(Collectors.joining("; "));
    }

    /** How a transitive dependency is reached: "a > b > c". */
    static String path(LicenceFinding finding) {
        return String.join(" > ", finding.path());
    }
}
