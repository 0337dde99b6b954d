package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.find;
import static com.architectbot.licence.manifest.ManifestFixtures.licenceTexts;
import static com.architectbot.licence.manifest.ManifestFixtures.manifest;
import static com.architectbot.licence.manifest.ManifestFixtures.npm;
import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.DependencyResolver.Stability;
import com.architectbot.testing.FakeRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** package.json ranges against packuments recorded from the npm registry; package-lock.json as the exact tree. */
class NpmManifestTest {

    @TempDir
    Path cache;

    private FakeRegistry central;
    private FakeRegistry registry;
    private ManifestResolver resolver;

    @BeforeEach
    void start() {
        central = FakeRegistry.serving("maven-tree");
        registry = FakeRegistry.serving("npm-tree");
        resolver = ManifestFixtures.resolver(central, registry, cache);
    }

    @AfterEach
    void stop() {
        resolver.close();
        central.close();
        registry.close();
    }

    @Test
    void package_json_ranges_resolve_to_the_versions_npm_would_install() {
        // when
        Resolution resolution = resolver.resolve(List.of(manifest("package.json")), ResolveOptions.DEFAULT);
        // then: ^4.3.0 takes the latest tag 4.4.3, ~7.0.0 stays on 7.0.x, is-odd brings its own is-number 6
        assertThat(packages(resolution))
                .containsExactlyInAnyOrder(
                        npm("debug", "4.4.3"),
                        npm("is-number", "7.0.0"),
                        npm("is-odd", "3.0.1"),
                        npm("ms", "2.1.3"),
                        npm("is-number", "6.0.0"));
        assertThat(find(resolution, npm("ms", "2.1.3")).path()).containsExactly(npm("debug", "4.4.3"));
        assertThat(find(resolution, npm("is-number", "6.0.0")).path()).containsExactly(npm("is-odd", "3.0.1"));
        assertThat(find(resolution, npm("is-number", "7.0.0")).direct()).isTrue();
        assertThat(resolution.problems()).isEmpty();
    }

    @Test
    void package_json_dev_dependencies_are_resolved_only_on_request() {
        // when
        Resolution resolution = resolver.resolve(List.of(manifest("package.json")), new ResolveOptions(false, true));
        // then: "2.0.x" picks the highest 2.0 release, not the latest tag
        assertThat(find(resolution, npm("ms", "2.0.0")).direct()).isTrue();
    }

    @Test
    void a_package_json_tree_is_floating_a_lockfile_offline_and_both_together_floating() {
        // when
        Resolution ranges = resolver.resolve(List.of(manifest("package.json")), ResolveOptions.DEFAULT);
        Resolution lockfile = resolver.resolve(List.of(manifest("package-lock.json")), ResolveOptions.DEFAULT);
        Resolution both = resolver.resolve(
                List.of(manifest("package-lock.json"), manifest("package.json")), ResolveOptions.DEFAULT);
        // then: a range takes the newest match, so the next publication can change the tree
        assertThat(ranges.stability()).isEqualTo(Stability.FLOATING);
        assertThat(lockfile.stability()).isEqualTo(Stability.OFFLINE);
        assertThat(both.stability()).isEqualTo(Stability.FLOATING);
    }

    @Test
    void each_packument_is_fetched_once() {
        // when
        resolver.resolve(List.of(manifest("package.json")), ResolveOptions.DEFAULT);
        // then
        assertThat(registry.requests()).containsExactlyInAnyOrder("/debug", "/is-number", "/is-odd", "/ms");
    }

    @Test
    void package_json_with_the_registry_down_gives_problems_naming_what_is_missing() {
        // given
        registry.setDown(true);
        // when
        Resolution resolution = resolver.resolve(List.of(manifest("package.json")), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.dependencies()).isEmpty();
        assertThat(resolution.problems())
                .hasSize(3)
                .allSatisfy(problem -> assertThat(problem)
                        .contains(registry.baseUri().toString())
                        .contains("HTTP 503")
                        .contains("missing from the tree"));
        assertThat(resolution.problems())
                .anySatisfy(problem -> assertThat(problem).contains("debug@^4.3.0"));
        assertThat(resolution.stability()).isEqualTo(Stability.REGISTRY_FAILED);
    }

    @Test
    void unknown_package_is_a_problem_and_the_rest_still_resolves() {
        // given
        var manifest = new CheckInput.Manifest(
                "package.json",
                "{\"name\":\"x\",\"dependencies\":{\"ms\":\"^2.1.0\",\"left-pad-that-is-not-there\":\"^1.0.0\"}}");
        // when
        Resolution resolution = resolver.resolve(List.of(manifest), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution)).containsExactly(npm("ms", "2.1.3"));
        assertThat(resolution.problems())
                .singleElement()
                .asString()
                .contains("left-pad-that-is-not-there is not in the npm registry");
        assertThat(resolution.stability()).isEqualTo(Stability.FLOATING);
    }

    @Test
    void package_lock_v3_is_the_exact_tree_with_licences_carried_and_dev_left_out() {
        // when
        Resolution resolution = resolver.resolve(List.of(manifest("package-lock.json")), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution))
                .containsExactlyInAnyOrder(
                        npm("debug", "4.3.4"), npm("is-odd", "3.0.1"), npm("ms", "2.1.2"), npm("is-number", "6.0.0"));
        Dependency nested = find(resolution, npm("is-number", "6.0.0"));
        assertThat(nested.direct()).isFalse();
        assertThat(nested.path()).containsExactly(npm("is-odd", "3.0.1"));
        assertThat(find(resolution, npm("ms", "2.1.2")).path()).containsExactly(npm("debug", "4.3.4"));
        assertThat(licenceTexts(find(resolution, npm("debug", "4.3.4")))).containsExactly("MIT");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void package_lock_dev_dependencies_are_included_on_request() {
        // when
        Resolution resolution =
                resolver.resolve(List.of(manifest("package-lock.json")), new ResolveOptions(false, true));
        // then
        assertThat(find(resolution, npm("is-number", "7.0.0")).direct()).isTrue();
    }

    @Test
    void package_lock_direct_only_keeps_the_root_dependencies() {
        // when
        Resolution resolution =
                resolver.resolve(List.of(manifest("package-lock.json")), new ResolveOptions(true, false));
        // then
        assertThat(packages(resolution)).containsExactlyInAnyOrder(npm("debug", "4.3.4"), npm("is-odd", "3.0.1"));
    }

    @Test
    void lockfile_version_1_is_refused_with_what_to_do() {
        // given
        var old = new CheckInput.Manifest(
                "package-lock.json", "{\"name\":\"x\",\"lockfileVersion\":1,\"dependencies\":{}}");
        // when / then
        assertThatThrownBy(() -> resolver.resolve(List.of(old), ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("package-lock.json could not be read: lockfileVersion 1 is not supported; "
                        + "regenerate it with npm 7 or later. Fix the file and try again.");
    }

    @Test
    void malformed_json_names_the_file_line_and_column() {
        // given
        var broken =
                new CheckInput.Manifest("package.json", "{\n  \"name\": \"x\",\n  \"dependencies\": {\"ms\": }\n}");
        // when / then
        assertThatThrownBy(() -> resolver.resolve(List.of(broken), ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .extracting(e -> ((PermanentFailure) e).userMessage())
                .asString()
                .startsWith("package.json could not be read: it is not valid JSON at line 3, column");
        assertThat(registry.requests()).isEmpty();
    }
}
