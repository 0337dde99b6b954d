package com.architectbot.cli;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.LicenceReportCsv;
import com.architectbot.licence.LicenceReportJson;
import com.architectbot.licence.release.CycloneDxSbom;
import com.architectbot.licence.release.SbomStamp;
import com.architectbot.licence.release.SpdxSbom;
import com.architectbot.render.LicenceReportMarkdown;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The {@code --format} of {@code license-check}: which document a report is printed as. */
enum ReportFormat {
    MD,
    JSON,
    CSV,
    CYCLONEDX,
    SPDX,
    NOTICES;

    static ReportFormat of(String id) {
        return switch (id == null ? "md" : id.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> MD;
            case "json" -> JSON;
            case "csv" -> CSV;
            case "cyclonedx" -> CYCLONEDX;
            case "spdx" -> SPDX;
            case "notices" -> NOTICES;
            default ->
                throw new PermanentFailure(
                        "Unknown --format '" + id + "': use md, json, csv, cyclonedx, spdx or notices.");
        };
    }

    /** @param notices renders the notices file; only {@link #NOTICES} calls it, as it reads from registries */
    String render(LicenceReport report, List<CheckInput> inputs, Function<LicenceReport, String> notices) {
        return switch (this) {
            case MD -> LicenceReportMarkdown.render(report);
            case JSON -> LicenceReportJson.render(report) + System.lineSeparator();
            case CSV -> LicenceReportCsv.render(report);
            case CYCLONEDX -> CycloneDxSbom.render(report, SbomStamp.forInputs(inputs));
            case SPDX -> SpdxSbom.render(report, SbomStamp.forInputs(inputs));
            case NOTICES -> notices.apply(report);
        };
    }
}
