package com.architectbot.licence.release;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.policy.LicenceObligations;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the notices: the header, the packages grouped by licence (those needing a human last), then the
 * licence texts. Deterministic: groups by expression, packages by name, texts by id. Everything that came from
 * a package passes through {@link PlainText} first.
 */
final class NoticesText {

    private static final String RULE = "=".repeat(78);
    /** Kept free for the line saying the notices were cut. */
    private static final int CUT_LINE_ROOM = 256;

    private static final String NEEDS_HUMAN = "Licence not known or not listed by SPDX: a person must review these";

    private final LicenceAppendix appendix;
    private final String listVersion;
    private final int maxChars;

    NoticesText(BundledLicenceTexts texts, int maxChars) {
        this.appendix = new LicenceAppendix(texts, texts.catalogue());
        this.listVersion = texts.listVersion();
        this.maxChars = maxChars;
    }

    /** At most {@code maxChars} (and the line saying where the rest went): packages are left out first. */
    String render(ThirdPartyNotices.Header header, LicenceReport report, Map<String, OwnFiles> own) {
        StringBuilder out = new StringBuilder();
        header(out, header, report);
        StringBuilder tail = new StringBuilder();
        problems(tail, report.problems());
        appendix(tail, report);
        int room = maxChars - tail.length() - CUT_LINE_ROOM; // for the header and the packages
        for (Map.Entry<String, List<LicenceFinding>> group :
                groups(report.dependencies()).entrySet()) {
            StringBuilder part = new StringBuilder();
            part.append('\n')
                    .append(RULE)
                    .append('\n')
                    .append(group.getKey())
                    .append('\n')
                    .append(RULE)
                    .append('\n');
            for (LicenceFinding finding : group.getValue()) {
                int before = part.length();
                NoticesPackageEntry.write(part, finding, own.get(finding.purl()), appendix.needsHuman(finding));
                if (out.length() + part.length() > room) {
                    part.setLength(before);
                    return out.append(part).append(cutLine()).append(tail).toString();
                }
            }
            out.append(part);
        }
        String whole = out.append(tail).toString();
        return whole.length() <= maxChars ? whole : whole.substring(0, maxChars) + cutLine();
    }

    private String cutLine() {
        return "\n[... the rest is cut: these notices would be longer than " + size(maxChars) + ". "
                + (maxChars < ThirdPartyNotices.COMMAND_LINE_MAX_CHARS
                        ? "For the whole file run: architect-bot license-check --format notices <manifest>]\n"
                        : "Check the project's parts one at a time.]\n");
    }

    private static String size(int chars) {
        return chars % (1024 * 1024) == 0 ? chars / (1024 * 1024) + " MiB" : chars / 1024 + " KiB";
    }

    private void appendix(StringBuilder out, LicenceReport report) {
        Set<String> ids = appendix.idsFor(report.dependencies());
        out.append('\n')
                .append(RULE)
                .append("\nAppendix: licence texts\n")
                .append(RULE)
                .append('\n');
        if (ids.isEmpty()) {
            out.append("\n(no licence here obliges shipping its text)\n");
        }
        for (String id : ids) {
            out.append('\n')
                    .append(appendix.section(id).orElse("==== " + id + " ====\n\n(no text in the licence list)"))
                    .append('\n');
        }
    }

    private void header(StringBuilder out, ThirdPartyNotices.Header header, LicenceReport report) {
        out.append("THIRD-PARTY NOTICES\n\n")
                .append("Project: ")
                .append(PlainText.line(header.project()))
                .append('\n')
                .append("Date: ")
                .append(header.date())
                .append('\n')
                .append("Policy: ")
                .append(report.model().id())
                .append(" (")
                .append(PlainText.line(report.policySource()))
                .append(")\n")
                .append("Licence texts: SPDX License List ")
                .append(listVersion)
                .append('\n')
                .append("Included: ")
                .append(report.dependencies().size())
                .append(report.dependencies().size() == 1 ? " package" : " packages")
                .append(
                        header.testScopesIncluded()
                                ? ", test and provided scopes included as asked (they are not distributed)"
                                : " distributed with the project; test and provided scopes are left out")
                .append(".\nThe appendix holds the text of every licence these packages are used under, once;"
                        + " public-domain dedications and licences that waive attribution ("
                        + String.join(", ", new TreeSet<>(LicenceObligations.NO_ATTRIBUTION))
                        + ") oblige no text.\n");
    }

    /** What the check could not resolve is missing from the notices: said, so a person adds it. */
    private static void problems(StringBuilder out, List<LicenceReport.Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.append('\n').append(RULE).append("\nNot checked: a person must add the notices of these\n");
        out.append(RULE).append("\n\n");
        problems.stream()
                .map(p -> PlainText.line(p.subject().isEmpty() ? p.reason() : p.subject() + ": " + p.reason()))
                .sorted()
                .forEach(line -> out.append("  ").append(line).append('\n'));
    }

    private Map<String, List<LicenceFinding>> groups(List<LicenceFinding> findings) {
        Comparator<String> humanLast =
                Comparator.comparing((String g) -> g.equals(NEEDS_HUMAN)).thenComparing(Comparator.naturalOrder());
        return findings.stream()
                .sorted(Comparator.comparing((LicenceFinding f) -> NoticesPackageEntry.displayName(f.purl()))
                        .thenComparing(LicenceFinding::purl))
                .collect(Collectors.groupingBy(
                        f -> appendix.needsHuman(f) ? NEEDS_HUMAN : "Licence: " + PlainText.line(f.licence()),
                        () -> new TreeMap<>(humanLast),
                        Collectors.toList()));
    }
}
