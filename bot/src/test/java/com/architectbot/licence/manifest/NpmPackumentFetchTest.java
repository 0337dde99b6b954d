package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.find;
import static com.architectbot.licence.manifest.ManifestFixtures.npm;
import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.source.RegistryHttp;
import com.architectbot.licence.source.TestSettings;
import com.architectbot.testing.FakeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How package.json's packuments are fetched: once each, in parallel within the per-host limit, politely. */
class NpmPackumentFetchTest {

    @TempDir
    Path folder;

    private FakeRegistry registry;
    private RegistryHttp http;
    private ManifestResolver resolver;

    @AfterEach
    void stop() {
        resolver.close();
        http.close();
        registry.close();
    }

    private ManifestResolver resolver(FakeRegistry fake, int perHost) {
        registry = fake;
        http = new RegistryHttp(TestSettings.allAt(fake.baseUri(), TestSettings.TIMEOUT, perHost, 1));
        resolver = new ManifestResolver(
                ManifestFixtures.settings(fake, fake, folder.resolve("maven")),
                spec -> null,
                http,
                PackumentCache.NONE,
                Clock.systemUTC());
        return resolver;
    }

    private static CheckInput.Manifest packageJson(List<String> names) {
        return new CheckInput.Manifest(
                "package.json",
                "{\"dependencies\": {"
                        + String.join(
                                ",",
                                names.stream()
                                        .map(n -> "\"" + n + "\": \"^1.0.0\"")
                                        .toList()) + "}}");
    }

    @Test
    void each_picked_version_carries_the_licence_its_packument_declares() {
        // given
        resolver(FakeRegistry.serving("npm-tree"), 4);
        // when
        Resolution resolution =
                resolver.resolve(List.of(ManifestFixtures.manifest("package.json")), ResolveOptions.DEFAULT);
        // then: a string licence, and an object one with its URL; no second look-up needed
        assertThat(find(resolution, npm("ms", "2.1.3")).declared().statements())
                .containsExactly(new LicenceStatement("MIT", null));
        assertThat(find(resolution, npm("is-number", "7.0.0")).declared().statements())
                .containsExactly(new LicenceStatement("MIT", null));
        assertThat(resolution.dependencies())
                .allSatisfy(d -> assertThat(d.declared()).isNotNull());
    }

    @Test
    void a_version_that_declares_no_licence_leaves_it_to_the_registry_look_up() {
        // given
        NpmDocuments.write(folder.resolve("npm"), "quiet", "{\"versions\": {\"1.0.0\": {\"name\": \"quiet\"}}}");
        resolver(FakeRegistry.servingFolder(folder.resolve("npm")), 4);
        // when
        Resolution resolution = resolver.resolve(List.of(packageJson(List.of("quiet"))), ResolveOptions.DEFAULT);
        // then
        assertThat(find(resolution, npm("quiet", "1.0.0")).declared()).isNull();
    }

    @Test
    void a_licence_of_a_megabyte_is_cut_and_reported() {
        // given
        NpmDocuments.write(
                folder.resolve("npm"),
                "wordy",
                "{\"versions\": {\"1.0.0\": {\"license\": \"" + "x".repeat(1024 * 1024) + "\"}}}");
        resolver(FakeRegistry.servingFolder(folder.resolve("npm")), 4);
        // when
        Resolution resolution = resolver.resolve(List.of(packageJson(List.of("wordy"))), ResolveOptions.DEFAULT);
        // then
        assertThat(find(resolution, npm("wordy", "1.0.0"))
                        .declared()
                        .statements()
                        .getFirst()
                        .text())
                .hasSize(NpmPackument.MAX_LICENCE_CHARS);
        assertThat(resolution.problems())
                .containsExactly("package.json: the licence pkg:npm/wordy@1.0.0 declares is longer than 4096 "
                        + "characters; only its start was read");
    }

    @Test
    void requests_in_flight_never_exceed_the_per_host_limit_and_each_packument_is_fetched_once() {
        // given: 30 direct dependencies which all need the same 10 others, on a registry 50 ms away
        Path npm = folder.resolve("npm");
        List<String> shared =
                IntStream.range(0, 10).mapToObj(i -> "shared-" + i).toList();
        List<String> direct =
                IntStream.range(0, 30).mapToObj(i -> "direct-" + i).toList();
        direct.forEach(name -> NpmDocuments.write(npm, name, NpmDocuments.single(name, shared)));
        shared.forEach(name -> NpmDocuments.write(npm, name, NpmDocuments.single(name, List.of())));
        resolver(FakeRegistry.servingFolder(npm).withLatency(Duration.ofMillis(50)), 4);
        // when
        Resolution resolution = resolver.resolve(List.of(packageJson(direct)), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.dependencies()).hasSize(40);
        assertThat(registry.maxConcurrentRequests()).isEqualTo(4);
        assertThat(registry.requests()).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void a_version_declaring_fifteen_hundred_dependencies_has_only_the_first_thousand_fetched_and_is_named() {
        // given: a published version that asks for 1,500 packages
        Path npm = folder.resolve("npm");
        List<String> many = IntStream.range(0, 1_500).mapToObj(i -> "dep-" + i).toList();
        NpmDocuments.write(npm, "wide", NpmDocuments.single("wide", many));
        resolver(FakeRegistry.servingFolder(npm), 16);
        // when
        Resolution resolution = resolver.resolve(List.of(packageJson(List.of("wide"))), ResolveOptions.DEFAULT);
        // then: the packument and 1,000 of its dependencies asked for, no more, and the cut said
        assertThat(registry.requests()).hasSize(1 + NpmRangeReader.MAX_DEPENDENCIES_PER_RELEASE);
        assertThat(resolution.problems())
                .contains("package.json: npm tree cut: wide@1.0.0 declares more than 1000 dependencies:"
                        + " the rest are not checked");
    }

    @Test
    void the_tree_and_its_shortest_paths_are_the_same_on_every_run() {
        // given: a diamond, where c is reached through a (listed first) and through b
        Path npm = folder.resolve("npm");
        NpmDocuments.write(npm, "a", NpmDocuments.single("a", List.of("c")));
        NpmDocuments.write(npm, "b", NpmDocuments.single("b", List.of("c", "d")));
        NpmDocuments.write(npm, "c", NpmDocuments.single("c", List.of("d")));
        NpmDocuments.write(npm, "d", NpmDocuments.single("d", List.of()));
        resolver(FakeRegistry.servingFolder(npm), 16);
        // when
        List<Resolution> runs = IntStream.range(0, 5)
                .mapToObj(i -> resolver.resolve(List.of(packageJson(List.of("a", "b"))), ResolveOptions.DEFAULT))
                .toList();
        // then
        assertThat(packages(runs.getFirst()))
                .containsExactly(npm("a", "1.0.0"), npm("b", "1.0.0"), npm("c", "1.0.0"), npm("d", "1.0.0"));
        assertThat(find(runs.getFirst(), npm("c", "1.0.0")).path()).containsExactly(npm("a", "1.0.0"));
        assertThat(find(runs.getFirst(), npm("d", "1.0.0")).path()).containsExactly(npm("b", "1.0.0"));
        assertThat(runs).allSatisfy(run -> assertThat(run).isEqualTo(runs.getFirst()));
    }

    @Test
    void a_429_with_retry_after_is_waited_for_and_then_asked_again() {
        // given
        resolver(FakeRegistry.serving("npm-tree"), 4);
        registry.answerNext(1, 429, Map.of("Retry-After", "1"));
        var ms = new CheckInput.Manifest("package.json", "{\"dependencies\": {\"ms\": \"^2.1.0\"}}");
        long start = System.nanoTime();
        // when
        Resolution resolution = resolver.resolve(List.of(ms), ResolveOptions.DEFAULT);
        // then
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(packages(resolution)).containsExactly(npm("ms", "2.1.3"));
        assertThat(registry.requests()).containsExactly("/ms", "/ms");
    }

    @Test
    void names_with_path_tricks_in_a_packument_are_reported_and_never_fetched() {
        // given: a registry's packument asks for names that would walk its paths
        Path npm = folder.resolve("npm");
        NpmDocuments.write(
                npm, "innocent", NpmDocuments.single("innocent", List.of("../../admin", "@x%2F..%2Fadmin", "%2e%2e")));
        resolver(FakeRegistry.servingFolder(npm), 4);
        // when
        Resolution resolution = resolver.resolve(List.of(packageJson(List.of("innocent"))), ResolveOptions.DEFAULT);
        // then
        assertThat(registry.rawRequests()).containsExactly("/innocent");
        assertThat(resolution.problems())
                .hasSize(3)
                .allSatisfy(problem -> assertThat(problem).contains("is not a valid npm name; it is not checked"));
    }

    @Test
    void names_with_path_tricks_in_the_users_file_are_refused_before_any_request() {
        // given
        resolver(FakeRegistry.serving("npm-tree"), 4);
        var tricky = new CheckInput.Manifest(
                "package.json", "{\"dependencies\": {\"ms\": \"^2.1.0\", \"x\": \"npm:..%2F..%2Fadmin@1.0.0\"}}");
        // when / then
        assertThatThrownBy(() -> resolver.resolve(List.of(tricky), ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("is not a valid npm package name");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void a_packument_larger_than_the_cap_fails_that_package_not_the_check() throws Exception {
        // given: one packument of 40 MB, over the 32 MiB cap
        Path npm = folder.resolve("npm");
        NpmDocuments.write(npm, "huge", NpmDocuments.packument("huge", 10, 40 * 1024 * 1024));
        NpmDocuments.write(npm, "small", NpmDocuments.single("small", List.of()));
        resolver(FakeRegistry.servingFolder(npm), 4);
        // when
        Resolution resolution =
                resolver.resolve(List.of(packageJson(List.of("huge", "small"))), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution)).containsExactly(npm("small", "1.0.0"));
        assertThat(resolution.problems())
                .singleElement()
                .asString()
                .contains("did not answer for huge (the answer is larger than the 32 MiB a registry answer may have)");
        assertThat(Files.size(npm.resolve("huge"))).isGreaterThan(32L * 1024 * 1024);
    }
}
