package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceCommand;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.source.Registries;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.licence.source.TestSettings;
import com.architectbot.testing.FakeRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a cold pom.xml check fetches from the Maven repository: in parallel up to the configured limit per
 * host, each POM once for the tree and the licence look-ups together, pausing as {@code Retry-After} says.
 */
class MavenFetchesTest {

    private static final int CONCURRENCY = 4;
    private static final int LIBRARIES = 24;
    private static final int SHARED = 4;
    private static final String PARENT = "org.example:parent:1";
    private static final String LEAF = "org.example:leaf:1";

    @TempDir
    Path repository;

    @TempDir
    Path cache;

    private FakeRegistry central;
    private ManifestResolver resolver;

    @BeforeEach
    void start() {
        MavenRepositoryFolder folder = new MavenRepositoryFolder(repository).licensedParent(PARENT);
        folder.pom(LEAF, PARENT, List.of());
        IntStream.range(0, SHARED).forEach(i -> folder.pom(shared(i), PARENT, List.of(LEAF)));
        IntStream.range(0, LIBRARIES).forEach(i -> folder.pom(library(i), PARENT, List.of(shared(i % SHARED), LEAF)));
        central = FakeRegistry.servingFolder(repository).withLatency(Duration.ofMillis(50));
        resolver = new ManifestResolver(settings(central.baseUri()), spec -> {
            throw new AssertionError("no package spec expected, got " + spec);
        });
    }

    @AfterEach
    void stop() {
        resolver.close();
        central.close();
    }

    @Test
    void poms_are_fetched_in_parallel_but_never_more_at_once_than_the_configured_limit() {
        // when
        Resolution resolution = resolver.resolve(List.of(project()), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.problems()).isEmpty();
        assertThat(packages(resolution)).hasSize(LIBRARIES + SHARED + 1);
        assertThat(central.maxConcurrentRequests()).isBetween(2, CONCURRENCY);
    }

    @Test
    void each_pom_is_requested_once_for_the_tree_and_the_licences_together() {
        // given
        LicenceService service = new LicenceService(
                resolver,
                new Registries(registries(central.baseUri()), cache),
                new LicenceSettings(DistributionModel.SAAS, null, Duration.ofSeconds(30)));
        // when
        LicenceReport report =
                service.check(new LicenceCommand(List.of(project()), DistributionModel.SAAS, ResolveOptions.DEFAULT));
        // then: every licence is known (inherited from the parent), and no path was asked for twice
        assertThat(report.dependencies())
                .hasSize(LIBRARIES + SHARED + 1)
                .allSatisfy(finding -> assertThat(finding.licence()).isEqualTo("Apache-2.0"));
        List<String> poms = central.requests().stream()
                .filter(path -> path.endsWith(".pom"))
                .toList();
        assertThat(poms).doesNotHaveDuplicates().hasSize(LIBRARIES + SHARED + 2);
        assertThat(central.requests()).doesNotHaveDuplicates();
    }

    @Test
    void a_429_is_retried_after_the_pause_its_retry_after_asks_for() {
        // given
        central.answerNext(1, 429, Map.of("Retry-After", "2"));
        long started = System.nanoTime();
        // when
        Resolution resolution = resolver.resolve(List.of(project()), ResolveOptions.DEFAULT);
        // then: the refused request alone was asked again, two seconds later, and the tree is whole
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(resolution.problems()).isEmpty();
        assertThat(packages(resolution)).hasSize(LIBRARIES + SHARED + 1);
        assertThat(central.requests()).hasSize(Set.copyOf(central.requests()).size() + 1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_retry_after_longer_than_the_check_waits_for_leaves_that_pom_out_with_a_problem() {
        // given: an hour's pause asked for the first POM
        central.answerNext(1, 429, Map.of("Retry-After", "3600"));
        long started = System.nanoTime();
        // when
        Resolution resolution = resolver.resolve(List.of(project()), ResolveOptions.DEFAULT);
        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(resolution.problems()).singleElement().asString().contains("429");
    }

    private static CheckInput.Manifest project() {
        List<String> libraries = IntStream.range(0, LIBRARIES)
                .mapToObj(MavenFetchesTest::library)
                .toList();
        return new CheckInput.Manifest("pom.xml", MavenRepositoryFolder.project("org.example:app:1", null, libraries));
    }

    private static String library(int i) {
        return "org.example:library-" + i + ":1";
    }

    private static String shared(int i) {
        return "org.example:shared-" + i + ":1";
    }

    private ManifestSettings settings(URI maven) {
        return new ManifestSettings(
                maven,
                maven,
                cache,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                2,
                RegistrySettings.DEFAULT_MAX_BODY_BYTES,
                CONCURRENCY);
    }

    private static RegistrySettings registries(URI maven) {
        return TestSettings.allAt(maven, Duration.ofSeconds(5), CONCURRENCY, 0);
    }
}
