package com.architectbot.licence.release;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReleaseFile;
import java.util.function.Function;

/**
 * One kind of file a licence report goes with: its fixed name, its media type and how it is written.
 *
 * @param name the file's name as users see it, e.g. {@code sbom.cdx.json}: ours, never taken from the input
 * @param writer writes the file for a report; it may throw, and then only this file is missing
 */
public record ReleaseDocument(String name, String mediaType, Function<LicenceReport, String> writer) {

    public ReleaseDocument {
        requireNonNull(writer, "writer");
        new ReleaseFile(name, mediaType, ""); // the same rule for names as the files it makes, checked at start-up
    }

    ReleaseFile write(LicenceReport report) {
        return new ReleaseFile(name, mediaType, requireNonNull(writer.apply(report), name + " wrote nothing"));
    }
}
