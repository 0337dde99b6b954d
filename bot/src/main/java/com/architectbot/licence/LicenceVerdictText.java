package com.architectbot.licence;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A licence report as compact plain text for the consultation model to read and cite: one line per
 * dependency, worst first, with the verdict, the licence chosen, its category and obligations.
 */
public final class LicenceVerdictText {

    /** Enough for a handful of direct dependencies with their worst transitive ones. */
    public static final int MAX_LINES = 25;

    private LicenceVerdictText() {}

    public static String render(LicenceReport report) {
        LicenceReport.Summary summary = report.summary();
        StringBuilder text = new StringBuilder()
                .append("Licence check (policy: ")
                .append(report.model().id())
                .append(", ")
                .append(report.policySource())
                .append("): ")
                .append(summary.blocker())
                .append(" blocker, ")
                .append(summary.review())
                .append(" review, ")
                .append(summary.ok())
                .append(" ok, of ")
                .append(summary.total())
                .append(" dependencies.\n");
        List<LicenceFinding> shown =
                report.dependencies().stream().limit(MAX_LINES).toList();
        shown.forEach(finding -> text.append(line(finding)).append('\n'));
        if (report.dependencies().size() > shown.size()) {
            text.append("... and ")
                    .append(report.dependencies().size() - shown.size())
                    .append(" more, all ")
                    .append(shown.getLast().verdict().id())
                    .append(" or better.\n");
        }
        report.problems().stream()
                .filter(p -> p.subject().isEmpty())
                .forEach(p -> text.append("Not checked: ").append(p.reason()).append('\n'));
        return text.append("These verdicts come from the licence engine (SPDX licence list ")
                .append(report.listVersion())
                .append("); cite them as they are.")
                .toString();
    }

    static String forAgent(
            List<String> packageSpecs, String model, Optional<DistributionModel> tenantPolicy, LicenceService service) {
        if (packageSpecs == null || packageSpecs.isEmpty()) {
            return "No packages given: pass package URLs (pkg:npm/react@18.2.0), Maven coordinates (g:a:v) or name@version.";
        }
        Optional<DistributionModel> distribution =
                model == null || model.isBlank() ? Optional.empty() : DistributionModel.fromId(model);
        if (model != null && !model.isBlank() && distribution.isEmpty()) {
            return "Unknown distribution model '" + model + "': use one of " + DistributionModel.ids() + ".";
        }
        try {
            return render(service.checkPackages(
                    packageSpecs, distribution.or(() -> tenantPolicy).orElse(null)));
        } catch (PermanentFailure e) {
            return "The licence check could not read the request: " + e.userMessage();
        }
    }

    private static String line(LicenceFinding finding) {
        StringBuilder line = new StringBuilder("- ")
                .append(finding.purl())
                .append(": ")
                .append(finding.verdict().id().toUpperCase(Locale.ROOT))
                .append(" - ");
        if (finding.licence() == null) {
            line.append("licence unknown (").append(finding.provenanceDetail()).append(')');
        } else {
            line.append(finding.licence());
            if (finding.chosen() != null && !finding.chosen().equals(finding.licence())) {
                line.append(", using ").append(finding.chosen());
            }
            line.append(" (")
                    .append(finding.category().id())
                    .append(", ")
                    .append(finding.provenance().id())
                    .append(')');
        }
        if (!finding.obligations().isEmpty() && finding.verdict() != Verdict.OK) {
            line.append("; obligations: ")
                    .append(finding.obligations().stream().map(Obligation::id).collect(Collectors.joining(", ")));
        }
        if (!finding.direct() && !finding.path().isEmpty()) {
            line.append("; via ").append(finding.path().getFirst());
        }
        return line.toString();
    }
}
