package com.architectbot.core;

import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReportFiles;
import java.util.List;

/**
 * The files a licence report goes with in chat (the licence feature's {@code licence.release.ReleaseDocuments}).
 * Called on the worker, after the report is sent; never throws for a file that cannot be made, it names it instead.
 */
public interface ReleaseFiles {

    ReportFiles forReport(LicenceReport report);

    /** The names of the files {@link #forReport} makes, known without making them. */
    List<String> names();

    /** Makes no files (the CLI, whose formats are flags). */
    ReleaseFiles NONE = new ReleaseFiles() {
        @Override
        public ReportFiles forReport(LicenceReport report) {
            return ReportFiles.NONE;
        }

        @Override
        public List<String> names() {
            return List.of();
        }
    };
}
