package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.CheckInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestFormatTest {

    @ParameterizedTest
    @CsvSource({
        "pom.xml, POM",
        "package.json, PACKAGE_JSON",
        "package-lock.json, PACKAGE_LOCK",
        "requirements.txt, REQUIREMENTS",
        "go.mod, GO_MOD",
        "Cargo.toml, CARGO_TOML",
        "Cargo.lock, CARGO_LOCK",
        "build.gradle, GRADLE",
        "build.gradle.kts, GRADLE",
        "bom.cdx.json, CYCLONEDX",
        "inventory.spdx.json, SPDX"
    })
    void format_is_detected_by_file_name(String fixture, ManifestFormat expected) {
        assertThat(ManifestFormat.detect(manifest(fixture, "project/" + fixture)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "pom.xml, POM",
        "package.json, PACKAGE_JSON",
        "package-lock.json, PACKAGE_LOCK",
        "requirements.txt, REQUIREMENTS",
        "go.mod, GO_MOD",
        "Cargo.toml, CARGO_TOML",
        "Cargo.lock, CARGO_LOCK",
        "build.gradle, GRADLE",
        "build.gradle.kts, GRADLE",
        "bom.cdx.json, CYCLONEDX",
        "inventory.spdx.json, SPDX"
    })
    void format_is_detected_by_content_when_the_name_says_nothing(String fixture, ManifestFormat expected) {
        assertThat(ManifestFormat.detect(manifest(fixture, ""))).isEqualTo(expected);
        assertThat(ManifestFormat.detect(manifest(fixture, "upload.txt.bin"))).isEqualTo(expected);
    }

    @Test
    void unknown_content_is_a_permanent_failure_listing_what_is_supported() {
        // given
        var notes = new CheckInput.Manifest("notes.md", "# Meeting notes\nWe should pick a logging library.");
        // when / then
        assertThatThrownBy(() -> ManifestFormat.detect(notes))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith(
                        "notes.md could not be read: it is not a manifest we know (supported: pom.xml, package.json");
    }
}
