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
import com.architectbot.licence.DependencyResolver.Stability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pom.xml trees resolved by Maven Resolver against POMs recorded from Maven Central. */
class MavenManifestTest {

    private static final CheckInput.Manifest POM = manifest("pom.xml");

    @TempDir
    Path cache;

    @AutoClose
    private final ResolverOnFakes fakes = new ResolverOnFakes();

    private ManifestResolver resolver;

    @BeforeEach
    void start() {
        resolver = fakes.resolver(cache);
    }

    @Test
    void transitive_dependency_is_marked_with_the_path_that_brings_it_in() {
        // when
        Resolution resolution = resolver.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then
        Dependency databind = find(resolution, maven("com.fasterxml.jackson.core", "jackson-databind", "2.17.2"));
        Dependency core = find(resolution, maven("com.fasterxml.jackson.core", "jackson-core", "2.17.2"));
        assertThat(databind.direct()).isTrue();
        assertThat(databind.path()).isEmpty();
        assertThat(core.direct()).isFalse();
        assertThat(core.path()).containsExactly(databind.pkg());
        assertThat(core.declared()).isNull();
        assertThat(resolution.problems()).isEmpty();
    }

    @Test
    void version_comes_from_an_imported_bom() {
        // when
        Resolution resolution = resolver.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then: the pom gives jackson-databind no version; jackson-bom 2.17.2 does
        assertThat(packages(resolution)).contains(maven("com.fasterxml.jackson.core", "jackson-databind", "2.17.2"));
        assertThat(fakes.central.requests())
                .contains("/com/fasterxml/jackson/jackson-bom/2.17.2/jackson-bom-2.17.2.pom");
    }

    @Test
    void dependency_management_version_wins_over_the_transitive_one() {
        // when
        Resolution resolution = resolver.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then: slf4j-simple 1.7.25 asks for slf4j-api 1.7.25; the pom manages it to 1.7.36
        Dependency api = find(resolution, maven("org.slf4j", "slf4j-api", "1.7.36"));
        assertThat(api.path()).containsExactly(maven("org.slf4j", "slf4j-simple", "1.7.25"));
        assertThat(packages(resolution)).doesNotContain(maven("org.slf4j", "slf4j-api", "1.7.25"));
    }

    @Test
    void exclusion_is_honoured() {
        // when
        Resolution resolution = resolver.resolve(List.of(POM), new ResolveOptions(false, true));
        // then
        assertThat(packages(resolution)).extracting(p -> p.name()).doesNotContain("jackson-annotations");
        assertThat(fakes.central.requests()).noneMatch(path -> path.contains("jackson-annotations"));
    }

    @Test
    void test_scope_is_left_out_unless_asked_for() {
        // when
        Resolution runtime = resolver.resolve(List.of(POM), ResolveOptions.DEFAULT);
        Resolution withTests = resolver.resolve(List.of(POM), new ResolveOptions(false, true));
        // then
        assertThat(packages(runtime)).extracting(p -> p.namespace()).doesNotContain("junit", "org.hamcrest");
        assertThat(find(withTests, maven("junit", "junit", "4.13.2")).direct()).isTrue();
        assertThat(find(withTests, maven("org.hamcrest", "hamcrest-core", "1.3"))
                        .path())
                .containsExactly(maven("junit", "junit", "4.13.2"));
    }

    @Test
    void direct_only_leaves_out_transitive_dependencies() {
        // when
        Resolution resolution = resolver.resolve(List.of(POM), new ResolveOptions(true, false));
        // then
        assertThat(packages(resolution))
                .containsExactlyInAnyOrder(
                        maven("com.fasterxml.jackson.core", "jackson-databind", "2.17.2"),
                        maven("org.slf4j", "slf4j-simple", "1.7.25"));
    }

    @Test
    void the_local_repository_is_the_configured_cache_folder() {
        // when
        resolver.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then
        assertThat(cache.resolve("com/fasterxml/jackson/core/jackson-databind/2.17.2/jackson-databind-2.17.2.pom"))
                .exists();
    }

    @Test
    void a_tree_of_plain_releases_is_pinned() {
        // when
        Resolution resolution = resolver.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.stability()).isEqualTo(Stability.PINNED);
    }

    @Test
    void a_snapshot_project_is_floating() {
        // given
        var snapshot = new CheckInput.Manifest(
                "pom.xml", POM.content().replace("<version>1.4.0</version>", "<version>1.5.0-SNAPSHOT</version>"));
        // when
        Resolution resolution = resolver.resolve(List.of(snapshot), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.stability()).isEqualTo(Stability.FLOATING);
        assertThat(resolution.problems()).isEmpty();
    }

    @Test
    void a_version_range_is_floating_though_it_resolves_to_a_release() {
        // given
        var ranged = new CheckInput.Manifest(
                "pom.xml", POM.content().replace("<version>1.7.25</version>", "<version>[1.7,1.8)</version>"));
        // when
        Resolution resolution = resolver.resolve(List.of(ranged), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution)).contains(maven("org.slf4j", "slf4j-simple", "1.7.25"));
        assertThat(resolution.stability()).isEqualTo(Stability.FLOATING);
    }

    @Test
    void a_pom_the_repository_does_not_have_makes_the_tree_floating_not_failed() {
        // given: a release Central has never heard of (404) may yet be published
        var absent = new CheckInput.Manifest(
                "pom.xml",
                POM.content()
                        .replace(
                                "\n    <dependencies>\n",
                                "\n    <dependencies><dependency><groupId>org.example</groupId>"
                                        + "<artifactId>unpublished</artifactId><version>1.0</version></dependency>\n"));
        // when
        Resolution resolution = resolver.resolve(List.of(absent), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.problems()).anySatisfy(p -> assertThat(p).contains("org.example:unpublished:1.0"));
        assertThat(resolution.stability()).isEqualTo(Stability.FLOATING);
    }

    @Test
    void unreachable_repository_gives_a_partial_result_that_says_what_is_missing() {
        // given
        fakes.central.setDown(true);
        // when
        Resolution resolution = resolver.resolve(List.of(POM, manifest("package-lock.json")), ResolveOptions.DEFAULT);
        // then: the lockfile still counts; the pom's tree is reported missing, with the repository and why
        assertThat(packages(resolution)).contains(ManifestFixtures.npm("debug", "4.3.4"));
        assertThat(packages(resolution))
                .noneMatch(p -> p.namespace() != null && p.namespace().startsWith("com.fasterxml"));
        assertThat(resolution.problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem)
                        .startsWith("pom.xml: ")
                        .contains(fakes.central.baseUri().toString())
                        .contains("missing from the tree"));
        assertThat(String.join("\n", resolution.problems())).contains("503");
        assertThat(resolution.stability()).isEqualTo(Stability.REGISTRY_FAILED);
    }

    @Test
    void malformed_pom_is_a_permanent_failure_naming_the_file_and_the_place() {
        // given
        var broken = new CheckInput.Manifest("pom.xml", "<project><artifactId>x</artifactId><dependencies></project>");
        // when / then
        assertThatThrownBy(() -> resolver.resolve(List.of(broken), ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .startsWith("pom.xml could not be read: it is not well-formed XML at line 1");
    }

    @Test
    void pom_with_a_doctype_is_refused_before_any_entity_is_read(@TempDir Path secrets) throws Exception {
        // given
        Path secret = Files.writeString(secrets.resolve("secret.txt"), "s3cr3t");
        var xxe = new CheckInput.Manifest(
                "pom.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \"" + secret.toUri()
                        + "\">]><project><artifactId>&x;</artifactId></project>");
        // when / then
        assertThatThrownBy(() -> resolver.resolve(List.of(xxe), ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("s3cr3t");
        assertThat(fakes.central.requests()).isEmpty();
    }
}
