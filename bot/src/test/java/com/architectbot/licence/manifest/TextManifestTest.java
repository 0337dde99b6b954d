package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.find;
import static com.architectbot.licence.manifest.ManifestFixtures.manifest;
import static com.architectbot.licence.manifest.ManifestFixtures.maven;
import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import org.junit.jupiter.api.Test;

/** Manifests read as they stand: requirements.txt, go.mod, Cargo, Gradle (no registry involved). */
class TextManifestTest {

    private static PackageRef pypi(String name, String version) {
        return new PackageRef(Ecosystem.PYPI, null, name, version);
    }

    private static PackageRef cargo(String name, String version) {
        return new PackageRef(Ecosystem.CARGO, null, name, version);
    }

    @Test
    void requirements_pinned_lines_are_direct_dependencies_with_normalised_names() {
        // when
        Resolution resolution = new RequirementsReader().read(manifest("requirements.txt"), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution))
                .containsExactly(
                        pypi("django", "4.2.11"),
                        pypi("djangorestframework", "3.15.1"),
                        pypi("psycopg2-binary", "2.9.9"),
                        pypi("requests", "2.31.0"),
                        pypi("typing-extensions", "4.11.0"));
        assertThat(resolution.dependencies()).allMatch(Dependency::direct);
    }

    @Test
    void requirements_unpinned_line_is_a_problem_asking_for_the_version() {
        // when
        Resolution resolution = new RequirementsReader().read(manifest("requirements.txt"), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.problems())
                .anySatisfy(problem -> assertThat(problem)
                        .contains("\"celery>=5.3\" has no pinned version")
                        .contains("celery==<version>"));
        assertThat(resolution.problems())
                .anySatisfy(problem -> assertThat(problem).contains("-r constraints-extra.txt"));
    }

    @Test
    void go_mod_indirect_requirements_are_transitive_and_replace_is_applied() {
        // when
        Resolution resolution = new GoModReader().read(manifest("go.mod"), ResolveOptions.DEFAULT);
        // then
        PackageRef uuid = new PackageRef(Ecosystem.GOLANG, "github.com/google", "uuid", "v1.6.0");
        PackageRef testify = new PackageRef(Ecosystem.GOLANG, "github.com/stretchr", "testify", "v1.9.0");
        assertThat(find(resolution, uuid).direct()).isTrue();
        assertThat(find(resolution, testify).direct()).isFalse();
        assertThat(packages(resolution))
                .contains(new PackageRef(Ecosystem.GOLANG, "github.com/gorilla", "mux", "v1.8.0"));
        assertThat(packages(resolution)).hasSize(7);
    }

    @Test
    void go_mod_direct_only_leaves_out_indirect_requirements() {
        // when
        Resolution resolution = new GoModReader().read(manifest("go.mod"), new ResolveOptions(true, false));
        // then
        assertThat(resolution.dependencies()).hasSize(3).allMatch(Dependency::direct);
    }

    @Test
    void cargo_lock_is_the_exact_tree_from_the_workspace_crates() {
        // when
        Resolution resolution = new CargoReader.Lock().read(manifest("Cargo.lock"), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution)).hasSize(9).doesNotContain(cargo("ledger-sync", "0.3.0"));
        assertThat(find(resolution, cargo("serde", "1.0.203")).direct()).isTrue();
        assertThat(find(resolution, cargo("itoa", "1.0.11")).path()).containsExactly(cargo("serde_json", "1.0.117"));
        assertThat(find(resolution, cargo("syn", "2.0.66")).path())
                .containsExactly(cargo("serde", "1.0.203"), cargo("serde_derive", "1.0.203"));
    }

    @Test
    void cargo_toml_requirements_are_read_as_their_lowest_version() {
        // when
        Resolution resolution = new CargoReader.Manifest().read(manifest("Cargo.toml"), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution))
                .containsExactlyInAnyOrder(
                        cargo("serde", "1.0.0"),
                        cargo("serde_json", "1.0.117"),
                        cargo("tokio", "1.37.0"),
                        cargo("libc", "0.2.155"));
        assertThat(resolution.problems())
                .anySatisfy(p -> assertThat(p).contains("ledger-core"))
                .anySatisfy(p -> assertThat(p).contains("regex"))
                .anySatisfy(p -> assertThat(p).contains("Give Cargo.lock"));
    }

    @Test
    void gradle_string_coordinates_are_read_best_effort() {
        // when
        Resolution resolution = new GradleReader().read(manifest("build.gradle"), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution))
                .containsExactlyInAnyOrder(
                        maven("com.google.guava", "guava", "33.2.0-jre"),
                        maven("com.fasterxml.jackson.core", "jackson-databind", "2.17.1"),
                        maven("org.apache.commons", "commons-lang3", "3.14.0"),
                        maven("org.postgresql", "postgresql", "42.7.3"));
        assertThat(resolution.problems()).allSatisfy(p -> assertThat(p).contains("best effort"));
        assertThat(resolution.problems())
                .anySatisfy(p -> assertThat(p).contains("micrometer-core").contains("${micrometerVersion}"))
                .anySatisfy(
                        p -> assertThat(p).contains("spring-boot-starter-web").contains("no version"));
    }

    @Test
    void gradle_kotlin_dsl_test_dependencies_only_on_request() {
        // when
        Resolution resolution = new GradleReader().read(manifest("build.gradle.kts"), ResolveOptions.DEFAULT);
        Resolution withTests = new GradleReader().read(manifest("build.gradle.kts"), new ResolveOptions(false, true));
        // then
        assertThat(packages(resolution))
                .containsExactlyInAnyOrder(
                        maven("io.ktor", "ktor-server-core", "2.3.11"),
                        maven("ch.qos.logback", "logback-classic", "1.5.6"));
        assertThat(packages(withTests)).contains(maven("io.mockk", "mockk", "1.13.11"));
    }

    @Test
    void malformed_toml_names_the_file() {
        // given
        var broken = new CheckInput.Manifest("Cargo.lock", "[[package]]\nname = \"serde\nversion = 1.0\n");
        // when / then
        assertThatThrownBy(() -> new CargoReader.Lock().read(broken, ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("Cargo.lock could not be read: it is not valid TOML");
    }

    @Test
    void malformed_go_mod_line_is_named() {
        // given
        var broken = new CheckInput.Manifest("go.mod", "module example.com/x\n\nrequire (\n\tgithub.com/a/b\n)\n");
        // when / then
        assertThatThrownBy(() -> new GoModReader().read(broken, ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("go.mod could not be read: line 4 is not a \"module version\" requirement");
    }
}
