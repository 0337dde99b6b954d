package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.maven;
import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Provenance;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POMs a hostile repository could serve: each is bounded and reported, never a hang or an OOM. */
class HostileMavenRepositoryTest {

    private static final Duration NO_HANG = Duration.ofMinutes(2);
    private static final String LICENSED = "org.example:parent:1";

    @TempDir
    Path repository;

    @TempDir
    Path cache;

    private MavenRepositoryFolder folder;
    private FakeRegistry central;
    private ManifestResolver resolver;

    @BeforeEach
    void start() {
        folder = new MavenRepositoryFolder(repository).licensedParent(LICENSED);
        folder.pom("org.example:leaf:1", LICENSED, List.of());
        central = FakeRegistry.servingFolder(repository);
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
    void a_pom_that_is_its_own_parent_is_reported_and_the_rest_of_the_check_goes_on() {
        // given
        folder.pom("evil:self:1", "evil:self:1", List.of("org.example:leaf:1"));
        // when
        LicenceReport report = assertTimeoutPreemptively(NO_HANG, () -> check("evil:self:1", "org.example:leaf:1"));
        // then
        assertThat(finding(report, "evil/self")).satisfies(self -> {
            assertThat(self.provenance()).isEqualTo(Provenance.UNKNOWN);
            assertThat(self.provenanceDetail()).contains("cycle");
        });
        assertThat(finding(report, "org.example/leaf").licence()).isEqualTo("Apache-2.0");
        assertThat(report.problems())
                .anySatisfy(problem ->
                        assertThat(problem.reason()).contains("evil:self:1").contains("could not be read"));
    }

    @Test
    void parents_that_form_a_cycle_are_reported_and_the_rest_of_the_check_goes_on() {
        // given
        folder.pom("evil:a:1", "evil:b:1", List.of());
        folder.pom("evil:b:1", "evil:a:1", List.of());
        // when
        LicenceReport report = assertTimeoutPreemptively(NO_HANG, () -> check("evil:a:1", "org.example:leaf:1"));
        // then
        assertThat(finding(report, "evil/a").provenance()).isEqualTo(Provenance.UNKNOWN);
        assertThat(finding(report, "org.example/leaf").licence()).isEqualTo("Apache-2.0");
        assertThat(report.problems())
                .anySatisfy(problem -> assertThat(problem.reason()).contains("evil:a:1"));
    }

    @Test
    void a_pom_with_ten_thousand_dependencies_is_cut_and_the_cut_reported() {
        // given: the first thousand exist; the rest would each cost a request
        List<String> siblings = IntStream.range(0, 10_000)
                .mapToObj(i -> "evil:sibling-" + i + ":1")
                .toList();
        siblings.stream().limit(TreeBounds.MAX_DEPENDENCIES_PER_POM).forEach(s -> folder.pom(s, null, List.of()));
        folder.pom("evil:wide:1", null, siblings);
        // when
        Resolution resolution = assertTimeoutPreemptively(NO_HANG, () -> resolve("evil:wide:1"));
        // then
        assertThat(packages(resolution)).hasSize(TreeBounds.MAX_DEPENDENCIES_PER_POM + 1);
        assertThat(pomRequests()).hasSize(TreeBounds.MAX_DEPENDENCIES_PER_POM + 1);
        assertThat(resolution.problems())
                .containsExactly("pom.xml: Maven tree cut: evil:wide:1 declares more than 1000 dependencies: "
                        + "the rest are not checked");
    }

    @Test
    void a_chain_deeper_than_any_real_tree_is_cut_and_the_cut_reported() {
        // given: chain-0 -> chain-1 -> ... -> chain-499
        int length = 500;
        IntStream.range(0, length)
                .forEach(i -> folder.pom(chain(i), null, i + 1 < length ? List.of(chain(i + 1)) : List.of()));
        // when
        Resolution resolution = assertTimeoutPreemptively(NO_HANG, () -> resolve(chain(0)));
        // then
        assertThat(packages(resolution))
                .hasSize(TreeBounds.MAX_DEPTH)
                .contains(maven("evil", "chain-" + (TreeBounds.MAX_DEPTH - 1), "1"));
        assertThat(pomRequests()).hasSize(TreeBounds.MAX_DEPTH);
        assertThat(resolution.problems())
                .containsExactly("pom.xml: Maven tree cut: evil:chain-" + (TreeBounds.MAX_DEPTH - 1)
                        + ":1 is more than " + TreeBounds.MAX_DEPTH + " levels deep: what it depends on is not"
                        + " checked");
    }

    private List<String> pomRequests() {
        return central.requests().stream().filter(path -> path.endsWith(".pom")).toList();
    }

    private Resolution resolve(String... dependencies) {
        return resolver.resolve(List.of(project(dependencies)), ResolveOptions.DEFAULT);
    }

    private LicenceReport check(String... dependencies) {
        LicenceService service = new LicenceService(
                resolver,
                new Registries(registries(central.baseUri()), cache),
                new LicenceSettings(DistributionModel.SAAS, null, Duration.ofSeconds(30)));
        return service.check(
                new LicenceCommand(List.of(project(dependencies)), DistributionModel.SAAS, ResolveOptions.DEFAULT));
    }

    private static LicenceFinding finding(LicenceReport report, String namespaceAndName) {
        return report.dependencies().stream()
                .filter(finding -> finding.purl().startsWith("pkg:maven/" + namespaceAndName + "@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(namespaceAndName + " not in " + report.dependencies()));
    }

    private static CheckInput.Manifest project(String... dependencies) {
        return new CheckInput.Manifest(
                "pom.xml", MavenRepositoryFolder.project("org.example:app:1", null, List.of(dependencies)));
    }

    private static String chain(int i) {
        return "evil:chain-" + i + ":1";
    }

    private ManifestSettings settings(URI maven) {
        return new ManifestSettings(
                maven,
                maven,
                cache,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                0,
                RegistrySettings.DEFAULT_MAX_BODY_BYTES,
                ManifestSettings.DEFAULT_MAVEN_CONCURRENCY_PER_HOST);
    }

    private static RegistrySettings registries(URI maven) {
        return TestSettings.allAt(maven, Duration.ofSeconds(5), RegistrySettings.DEFAULT_MAX_CONCURRENT_PER_HOST, 0);
    }
}
