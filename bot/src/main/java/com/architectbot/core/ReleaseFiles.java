package com.architectbot.core;

import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReportFiles;

/**
 * The files a licence report goes with in chat (the licence feature's {@code licence.release.ReleaseDocuments}).
 * Called on the worker, after the check; never throws for a file that cannot be made, it names it instead.
 */
public interface ReleaseFiles {

    ReportFiles forReport(LicenceReport report);

    /** Makes no files (the CLI, whose formats are flags). */
    ReleaseFiles NONE = report -> ReportFiles.NONE;
}
