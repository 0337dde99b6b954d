package com.architectbot.licence;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Obligation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The licence report as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break), one row per dependency, worst first. Lists inside a field are joined with
 * {@code ;} (obligations) and {@code  > } (path). A text field starting with {@code = + - @} is prefixed
 * with {@code '} so spreadsheets do not run it as a formula.
 */
public final class LicenceReportCsv {

    private static final List<String> HEADER = List.of(
            "purl",
            "license",
            "chosen",
            "category",
            "verdict",
            "obligations",
            "provenance",
            "provenance_detail",
            "direct",
            "path");

    private LicenceReportCsv() {}

    public static String render(LicenceReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (LicenceFinding finding : report.dependencies()) {
            row(
                    csv,
                    List.of(
                            finding.purl(),
                            nullToEmpty(finding.licence()),
                            nullToEmpty(finding.chosen()),
                            finding.category().id(),
                            finding.verdict().id(),
                            finding.obligations().stream().map(Obligation::id).collect(Collectors.joining(";")),
                            finding.provenance().id(),
                            finding.provenanceDetail(),
                            String.valueOf(finding.direct()),
                            String.join(" > ", finding.path())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(LicenceReportCsv::field).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
