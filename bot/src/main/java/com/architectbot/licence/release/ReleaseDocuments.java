package com.architectbot.licence.release;

import com.architectbot.core.ReleaseFiles;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReleaseFile;
import com.architectbot.core.report.ReportFiles;
import com.architectbot.licence.LicenceReportJson;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a licence report goes with in chat, each written by its {@link ReleaseDocument}. One that fails is
 * left out and named in {@link ReportFiles#missing()}: a file is never worth losing the report for.
 */
public final class ReleaseDocuments implements ReleaseFiles {

    /** The report as JSON, the same document as {@code license-check --format json}. */
    public static final ReleaseDocument REPORT_JSON =
            new ReleaseDocument("licence-report.json", "application/json", LicenceReportJson::render);

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseDocuments.class);

    private final List<ReleaseDocument> documents;

    public ReleaseDocuments(List<ReleaseDocument> documents) {
        this.documents = List.copyOf(documents);
    }

    /** What chat sends today: the report as JSON (the SBOMs and the notices join it here). */
    public static ReleaseDocuments bundled() {
        return new ReleaseDocuments(List.of(REPORT_JSON));
    }

    @Override
    public ReportFiles forReport(LicenceReport report) {
        List<ReleaseFile> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ReleaseDocument document : documents) {
            try {
                files.add(document.write(report));
            } catch (RuntimeException e) {
                LOG.warn(
                        "{} not made for a report of {} dependencies",
                        document.name(),
                        report.dependencies().size(),
                        e);
                missing.add(document.name());
            }
        }
        return new ReportFiles(files, missing);
    }
}
