package com.architectbot.render;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A licence report as GitHub-flavoured Markdown: the summary line, then what needs attention (packages
 * that could not be checked, then blockers and reviews with the reasons), then a table of everything,
 * worst first. A pure function; surfaces with size limits cut the table, never the problems.
 */
public final class LicenceReportMarkdown {

    private LicenceReportMarkdown() {}

    public static String render(LicenceReport report) {
        StringBuilder md = new StringBuilder();
        md.append(summaryLine(report)).append("\n\n");
        problems(md, report);
        attention(md, report);
        table(md, report.dependencies());
        md.append("\n_Policy: ")
                .append(report.model().id())
                .append(" (")
                .append(escape(report.policySource()))
                .append("). SPDX licence list ")
                .append(report.listVersion())
                .append("._\n");
        return md.toString();
    }

    static String summaryLine(LicenceReport report) {
        return "**" + LicenceReportText.title(report) + ":** " + LicenceReportText.counts(report);
    }

    private static void problems(StringBuilder md, LicenceReport report) {
        if (report.problems().isEmpty()) {
            return;
        }
        md.append("### Not checked\n\n");
        for (LicenceReport.Problem problem : report.problems()) {
            md.append("- ");
            if (!problem.subject().isEmpty()) {
                md.append('`').append(problem.subject()).append("`: ");
            }
            md.append(escape(problem.reason())).append('\n');
        }
        md.append('\n');
    }

    private static void attention(StringBuilder md, LicenceReport report) {
        List<LicenceFinding> flagged = report.needingAttention();
        if (flagged.isEmpty()) {
            return;
        }
        md.append("### Needs attention\n\n");
        for (LicenceFinding finding : flagged) {
            md.append("- **")
                    .append(finding.verdict().id())
                    .append("** `")
                    .append(finding.purl())
                    .append("`: ")
                    .append(escape(finding.chosen() != null ? finding.chosen() : finding.licence()))
                    .append(" (")
                    .append(finding.category().id())
                    .append(')')
                    .append(LicenceReportText.obligations(finding));
            if (!finding.notes().isEmpty()) {
                md.append(". ").append(escape(String.join("; ", finding.notes())));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void table(StringBuilder md, List<LicenceFinding> findings) {
        md.append("| Package | Licence | Category | Verdict | Obligations | Provenance | Via |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (LicenceFinding finding : findings) {
            md.append("| `")
                    .append(finding.purl())
                    .append("` | ")
                    .append(LicenceReportText.licence(finding)
                            .map(LicenceReportMarkdown::escape)
                            .orElse("unknown"))
                    .append(" | ")
                    .append(finding.category().id())
                    .append(" | ")
                    .append(finding.verdict().id())
                    .append(" | ")
                    .append(finding.obligations().stream().map(Obligation::id).collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(escape(provenanceCell(finding)))
                    .append(" | ")
                    .append(finding.direct() ? "direct" : escape(LicenceReportText.path(finding)))
                    .append(" |\n");
        }
    }

    private static String provenanceCell(LicenceFinding finding) {
        String id = finding.provenance().id();
        String detail = finding.provenanceDetail();
        return detail.isEmpty() || detail.startsWith(id) ? (detail.isEmpty() ? id : detail) : id + ": " + detail;
    }

    /** Table cells and list items: pipes and line breaks would break the layout; markup would reinterpret text. */
    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`")
                .replace("\r", " ")
                .replace("\n", " ");
    }
}
