package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Includes, local paths and the environment named in a manifest are reported, never followed: files on
 * the bot's disk holding a canary stay unread, and the canary reaches neither the result nor a registry.
 */
class ManifestsAreDataTest {

    private static final String CANARY = "canary-on-disk-0d41";

    @TempDir
    Path cache;

    @TempDir
    Path disk;

    @AutoClose
    private final ResolverOnFakes fakes = new ResolverOnFakes();

    private ManifestResolver resolver;

    @BeforeEach
    void start() throws Exception {
        resolver = fakes.resolver(cache);
        Files.writeString(disk.resolve("extra.txt"), CANARY + "==6.6.6\n");
        Files.createDirectories(disk.resolve("pkg"));
        Files.writeString(disk.resolve("pkg/package.json"), "{\"name\": \"" + CANARY + "\", \"version\": \"6.6.6\"}");
        Files.writeString(disk.resolve("pkg/go.mod"), "module example.com/" + CANARY + "\n");
        Files.writeString(
                disk.resolve("pkg/Cargo.toml"), "[package]\nname = \"" + CANARY + "\"\nversion = \"6.6.6\"\n");
    }

    @Test
    void requirements_includes_and_paths_are_reported_not_read() {
        Resolution resolution = resolve("requirements.txt", """
                requests==2.31.0
                -r %1$s/extra.txt
                -c %1$s/extra.txt
                -e %1$s/pkg
                ./pkg
                """.formatted(disk));

        assertThat(packages(resolution)).extracting(p -> p.name()).containsExactly("requests");
        assertThat(resolution.problems())
                .anySatisfy(p -> assertThat(p).contains("-r ", "is not followed"))
                .anySatisfy(p -> assertThat(p).contains("-c ", "is not followed"))
                .anySatisfy(p -> assertThat(p).contains("not from PyPI"));
        assertNotRead(resolution);
    }

    @Test
    void npm_file_and_link_specs_are_reported_not_read() {
        Resolution resolution = resolve("package.json", """
                {"dependencies": {"local": "file:%1$s/pkg", "linked": "link:%1$s/pkg", "relative": "../pkg"}}""".formatted(disk));

        assertThat(resolution.dependencies()).isEmpty();
        assertThat(resolution.problems())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("does not come from the npm registry"));
        assertThat(fakes.npm.requests()).isEmpty();
        assertNotRead(resolution);
    }

    @Test
    void a_go_replace_by_a_local_folder_is_reported_not_read() {
        Resolution resolution = resolve("go.mod", """
                module example.com/app
                require github.com/pkg/errors v0.9.1
                replace github.com/pkg/errors => %s/pkg
                """.formatted(disk));

        assertThat(resolution.dependencies()).isEmpty();
        assertThat(resolution.problems())
                .anySatisfy(p -> assertThat(p).contains("replaced by the local folder", "not checked"));
        assertNotRead(resolution);
    }

    @Test
    void a_cargo_path_dependency_is_reported_not_read() {
        Resolution resolution = resolve("Cargo.toml", """
                [package]
                name = "app"
                version = "1.0.0"
                [dependencies]
                local = { path = "%s/pkg" }
                """.formatted(disk));

        assertThat(resolution.dependencies()).isEmpty();
        assertThat(resolution.problems()).anySatisfy(p -> assertThat(p).contains("local comes from a path"));
        assertNotRead(resolution);
    }

    @Test
    void a_gradle_version_from_the_environment_is_reported_not_read() {
        Resolution resolution = resolve("build.gradle", """
                def fromEnv = System.getenv("PATH")
                dependencies {
                    implementation "org.example:lib:$fromEnv"
                }
                """);

        assertThat(resolution.dependencies()).isEmpty();
        assertThat(resolution.problems()).anySatisfy(p -> assertThat(p).contains("$fromEnv", "set outside this file"));
        assertThat(String.join("\n", resolution.problems())).doesNotContain(System.getenv("PATH"));
    }

    private Resolution resolve(String fileName, String content) {
        return resolver.resolve(List.of(new CheckInput.Manifest(fileName, content)), ResolveOptions.DEFAULT);
    }

    private void assertNotRead(Resolution resolution) {
        assertThat(resolution.dependencies() + String.join("\n", resolution.problems()))
                .doesNotContain(CANARY);
        assertThat(fakes.npm.requests()).noneSatisfy(r -> assertThat(r).contains(CANARY));
        assertThat(fakes.central.requests()).noneSatisfy(r -> assertThat(r).contains(CANARY));
    }
}
