package com.architectbot.licence.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.architectbot.core.report.ReleaseFile;
import com.architectbot.licence.LicenceReportJson;
import com.architectbot.testing.LicenceReports;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseDocumentsTest {

    private static final ReleaseDocument BROKEN = new ReleaseDocument("sbom.cdx.json", "application/json", report -> {
        throw new IllegalStateException("renderer broke");
    });
    private static final ReleaseDocument REPORT_JSON =
            new ReleaseDocument("licence-report.json", "application/json", LicenceReportJson::render);
    private static final ReleaseDocument SILENT =
            new ReleaseDocument("sbom.spdx.json", "application/json", report -> null);

    @Test
    void a_report_in_chat_goes_with_both_sboms_and_the_third_party_notices() {
        var report = LicenceReports.withOkDependencies(3);
        PackageFiles away = purl -> new OwnFiles.Unavailable("the registry is away");

        var files = ReleaseDocuments.bundled(away, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC))
                .forReport(report);

        assertThat(files.files())
                .extracting(ReleaseFile::name, ReleaseFile::mediaType)
                .containsExactly(
                        tuple("sbom.cdx.json", "application/vnd.cyclonedx+json"),
                        tuple("sbom.spdx.json", "application/spdx+json"),
                        tuple("THIRD-PARTY-NOTICES.txt", "text/plain"));
        assertThat(files.files().get(0).content()).contains("specVersion", "1.6");
        assertThat(files.files().get(1).content()).contains("SPDX-2.3");
        assertThat(files.files().get(2).content()).contains("2026-12-03", "the registry is away");
        assertThat(files.missing()).isEmpty();
    }

    @Test
    void a_file_that_fails_or_writes_nothing_is_named_missing_and_the_others_are_made() {
        var documents = new ReleaseDocuments(List.of(BROKEN, REPORT_JSON, SILENT));

        var files = documents.forReport(LicenceReports.withOkDependencies(1));

        assertThat(files.files()).extracting(ReleaseFile::name).containsExactly("licence-report.json");
        assertThat(files.missing()).containsExactly("sbom.cdx.json", "sbom.spdx.json");
    }

    @Test
    void a_file_name_is_a_plain_name_of_ours_never_a_path_or_a_header() {
        for (String name : List.of(
                "../../etc/passwd",
                "a/b.json",
                "..json",
                ".hidden",
                "a\r\nX-Injected: 1",
                "x".repeat(65),
                "",
                "ü.txt")) {
            assertThatThrownBy(() -> new ReleaseFile(name, "text/plain", ""))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(name.isEmpty() ? "\u0000" : name);
        }
        assertThat(new ReleaseFile("THIRD-PARTY-NOTICES.txt", "text/plain", "").name())
                .isEqualTo("THIRD-PARTY-NOTICES.txt");
    }
}
