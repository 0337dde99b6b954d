package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.CheckInput;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestFormatTest {

    /** Every format's fixture file and the format it is. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("pom.xml", ManifestFormat.POM),
                Arguments.of("package.json", ManifestFormat.PACKAGE_JSON),
                Arguments.of("package-lock.json", ManifestFormat.PACKAGE_LOCK),
                Arguments.of("requirements.txt", ManifestFormat.REQUIREMENTS),
                Arguments.of("go.mod", ManifestFormat.GO_MOD),
                Arguments.of("Cargo.toml", ManifestFormat.CARGO_TOML),
                Arguments.of("Cargo.lock", ManifestFormat.CARGO_LOCK),
                Arguments.of("build.gradle", ManifestFormat.GRADLE),
                Arguments.of("build.gradle.kts", ManifestFormat.GRADLE),
                Arguments.of("bom.cdx.json", ManifestFormat.CYCLONEDX),
                Arguments.of("inventory.spdx.json", ManifestFormat.SPDX));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void format_is_detected_by_file_name(String fixture, ManifestFormat expected) {
        assertThat(ManifestFormat.detect(manifest(fixture, "project/" + fixture)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
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
