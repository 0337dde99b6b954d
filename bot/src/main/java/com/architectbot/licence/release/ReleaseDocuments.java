package com.architectbot.licence.release;

import com.architectbot.core.ReleaseFiles;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReleaseFile;
import com.architectbot.core.report.ReportFiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a licence report goes with in chat, each written by its {@link ReleaseDocument}. One that fails is
 * left out and named in {@link ReportFiles#missing()}: a file is never worth losing the report for.
 */
public final class ReleaseDocuments implements ReleaseFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseDocuments.class);

    private final List<ReleaseDocument> documents;

    public ReleaseDocuments(List<ReleaseDocument> documents) {
        this.documents = List.copyOf(documents);
    }

    /** The CycloneDX 1.6 SBOM, the same document as {@code license-check --format cyclonedx}. */
    public static final ReleaseDocument CYCLONEDX =
            new ReleaseDocument("sbom.cdx.json", "application/vnd.cyclonedx+json", CycloneDxSbom::render);

    /** The SPDX 2.3 SBOM, the same document as {@code license-check --format spdx}. */
    public static final ReleaseDocument SPDX =
            new ReleaseDocument("sbom.spdx.json", "application/spdx+json", SpdxSbom::render);

    /**
     * What a release needs, sent with every report of a manifest in chat: the two SBOMs and THIRD-PARTY-NOTICES,
     * whose packages' own LICENSE and NOTICE files come from {@code packageFiles}.
     */
    public static ReleaseDocuments bundled(PackageFiles packageFiles, Clock clock) {
        var notices = new ThirdPartyNotices(packageFiles);
        return new ReleaseDocuments(List.of(
                CYCLONEDX,
                SPDX,
                new ReleaseDocument(
                        "THIRD-PARTY-NOTICES.txt",
                        "text/plain",
                        report -> notices.render(
                                new ThirdPartyNotices.Header(SbomStamp.DEFAULT_SUBJECT, LocalDate.now(clock), false),
                                report))));
    }

    @Override
    public List<String> names() {
        return documents.stream().map(ReleaseDocument::name).toList();
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
