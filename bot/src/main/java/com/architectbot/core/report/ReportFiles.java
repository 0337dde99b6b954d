package com.architectbot.core.report;

import java.util.List;

/**
 * The files made for a licence report, and the names of those that could not be made this time: a file that
 * fails is left out and named, so the report still goes out and says what is missing.
 */
public record ReportFiles(List<ReleaseFile> files, List<String> missing) {

    /** No files: a check that carries none (typed packages, the CLI). */
    public static final ReportFiles NONE = new ReportFiles(List.of(), List.of());

    public ReportFiles {
        files = List.copyOf(files);
        missing = List.copyOf(missing);
    }
}
