package com.architectbot.licence.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Manifests nested far beyond any real one are bad input with a message, never a StackOverflowError. */
class DeepInputTest {

    private static final int DEPTH = 100_000;

    @TempDir
    Path cache;

    @AutoClose
    private final ResolverOnFakes fakes = new ResolverOnFakes();

    private ManifestResolver resolver;

    @BeforeEach
    void start() {
        resolver = fakes.resolver(cache);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "bom.cdx.json", "sbom.spdx.json", "package-lock.json", "Cargo.toml"})
    void a_deeply_nested_manifest_is_bad_input(String fileName) {
        // given
        CheckInput.Manifest manifest = new CheckInput.Manifest(fileName, deep(fileName));
        // when / then
        assertThatThrownBy(() -> resolver.resolve(List.of(manifest), ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).userMessage())
                        .startsWith(fileName + " could not be read")
                        .hasSizeLessThan(1_000));
        assertThat(fakes.central.requests()).isEmpty();
    }

    private static String deep(String fileName) {
        return switch (fileName) {
            case "pom.xml" ->
                "<project><modelVersion>4.0.0</modelVersion><artifactId>a</artifactId><properties>"
                        + "<x>".repeat(DEPTH) + "</x>".repeat(DEPTH) + "</properties></project>";
            case "bom.cdx.json" ->
                "{\"bomFormat\": \"CycloneDX\", \"components\": " + "[{\"components\": ".repeat(DEPTH) + "[]"
                        + "}]".repeat(DEPTH) + "}";
            case "sbom.spdx.json" ->
                "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": " + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}";
            case "package-lock.json" ->
                "{\"lockfileVersion\": 3, \"packages\": " + "{\"a\": ".repeat(DEPTH) + "{}" + "}".repeat(DEPTH) + "}";
            default -> "[dependencies]\nserde = " + "{ a = ".repeat(DEPTH) + "1" + " }".repeat(DEPTH) + "\n";
        };
    }
}
