package com.architectbot.licence;

import static com.architectbot.licence.FixedRegistry.found;
import static com.architectbot.licence.FixedTree.direct;
import static com.architectbot.licence.FixedTree.via;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Provenance;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.policy.LicencePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LicenceServiceTest {

    static final PackageRef APP_LIB = new PackageRef(Ecosystem.NPM, null, "app-lib", "1.0.0");
    static final PackageRef COMMONS = new PackageRef(Ecosystem.MAVEN, "org.apache.commons", "commons-lang3", "3.14.0");
    static final PackageRef ENGINE = new PackageRef(Ecosystem.MAVEN, "org.example", "engine", "2.0");
    static final PackageRef SLOW = new PackageRef(Ecosystem.NPM, "@acme", "slow", "1.0.0");
    static final PackageRef SILENT = new PackageRef(Ecosystem.PYPI, null, "silent", "0.1");
    static final DeclaredLicence MIT = new DeclaredLicence(List.of(new LicenceStatement("MIT", null)), null);
    private static final LicenceSettings SETTINGS = LicenceSettings.DEFAULTS;

    @Test
    void problems_come_first_and_unknown_packages_carry_their_reason() {
        // given a lockfile-like tree: one licence in the input, the rest from the registry
        FixedTree tree = new FixedTree(
                Map.of(
                        "app",
                        List.of(
                                direct(APP_LIB, MIT),
                                direct(COMMONS, null),
                                via(ENGINE, COMMONS),
                                direct(SLOW, null),
                                direct(SILENT, null))),
                List.of("pkg:golang/example.com/x: deps.dev unreachable"));
        FixedRegistry registry = FixedRegistry.of(Map.of(
                COMMONS,
                found("The Apache Software License, Version 2.0"),
                ENGINE,
                found("AGPL-3.0-only"),
                SLOW,
                new Lookup.Unknown("npm registry timed out after 10 s"),
                SILENT,
                new Lookup.Found(DeclaredLicence.none())));
        LicenceService service = new LicenceService(tree, registry, SETTINGS);
        // when
        LicenceReport report = service.check(
                List.of(new CheckInput.PackageSpec("app")),
                LicencePolicy.defaults(DistributionModel.SAAS),
                ResolveOptions.DEFAULT);
        // then
        assertThat(report.dependencies())
                .extracting(LicenceFinding::verdict)
                .containsExactly(Verdict.BLOCKER, Verdict.REVIEW, Verdict.REVIEW, Verdict.OK, Verdict.OK);
        assertThat(report.dependencies().getFirst().purl()).isEqualTo(ENGINE.purl());
        assertThat(report.dependencies().getFirst().path()).containsExactly(COMMONS.purl());
        assertThat(report.problems())
                .containsExactly(
                        new LicenceReport.Problem("", "pkg:golang/example.com/x: deps.dev unreachable"),
                        new LicenceReport.Problem(SLOW.purl(), "npm registry timed out after 10 s"),
                        new LicenceReport.Problem(SILENT.purl(), "the registry declares no licence for it"));
        assertThat(report.summary()).isEqualTo(new LicenceReport.Summary(5, 2, 2, 1, 2));
        assertThat(report.hasBlocker()).isTrue();
    }

    @Test
    void mapped_licences_keep_their_provenance_and_original_text() {
        FixedTree tree = new FixedTree(Map.of("c", List.of(direct(COMMONS, null))), List.of());
        FixedRegistry registry = FixedRegistry.of(Map.of(COMMONS, found("The Apache Software License, Version 2.0")));

        LicenceFinding finding = new LicenceService(tree, registry, SETTINGS)
                .checkPackages(List.of("c"), DistributionModel.DISTRIBUTED)
                .dependencies()
                .getFirst();

        assertThat(finding.licence()).isEqualTo("Apache-2.0");
        assertThat(finding.provenance()).isEqualTo(Provenance.MAPPED);
        assertThat(finding.provenanceDetail()).isEqualTo("mapped from 'The Apache Software License, Version 2.0'");
        assertThat(finding.category()).isEqualTo(LicenceCategory.PERMISSIVE);
    }

    @Test
    void licences_the_input_carries_are_not_looked_up_and_each_package_is_looked_up_once() {
        FixedTree tree = new FixedTree(
                Map.of("app", List.of(direct(APP_LIB, MIT), direct(COMMONS, null), via(COMMONS, ENGINE))), List.of());
        FixedRegistry registry = FixedRegistry.of(Map.of(COMMONS, found("Apache-2.0")));

        new LicenceService(tree, registry, SETTINGS).checkPackages(List.of("app"), null);

        assertThat(registry.asked()).containsExactly(COMMONS);
    }

    @Test
    void look_ups_run_at_the_same_time_on_virtual_threads() {
        // given a registry whose every answer waits until all three questions have arrived
        List<PackageRef> packages = List.of(COMMONS, ENGINE, SLOW);
        CountDownLatch allAsked = new CountDownLatch(packages.size());
        FixedRegistry registry = new FixedRegistry(pkg -> {
            allAsked.countDown();
            try {
                return allAsked.await(30, TimeUnit.SECONDS) ? found("MIT") : new Lookup.Unknown("asked one at a time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Lookup.Unknown("interrupted");
            }
        });
        FixedTree tree = new FixedTree(
                Map.of("all", packages.stream().map(p -> direct(p, null)).toList()), List.of());
        // when
        LicenceReport report = new LicenceService(tree, registry, SETTINGS).checkPackages(List.of("all"), null);
        // then
        assertThat(report.dependencies()).extracting(LicenceFinding::licence).containsOnly("MIT");
        assertThat(registry.threads().values()).allMatch(Thread::isVirtual);
    }

    @Test
    void a_look_up_still_running_when_the_budget_is_spent_is_reported_unknown() {
        FixedRegistry registry = new FixedRegistry(pkg -> {
            if (!pkg.equals(SLOW)) {
                return found("MIT");
            }
            try {
                Thread.sleep(Duration.ofMinutes(5));
                return found("MIT");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Lookup.Unknown("interrupted");
            }
        });
        FixedTree tree = new FixedTree(Map.of("app", List.of(direct(COMMONS, null), direct(SLOW, null))), List.of());
        LicenceSettings shortBudget = new LicenceSettings(DistributionModel.SAAS, null, Duration.ofMillis(300));

        LicenceReport report = new LicenceService(tree, registry, shortBudget).checkPackages(List.of("app"), null);

        assertThat(report.problems())
                .containsExactly(new LicenceReport.Problem(SLOW.purl(), "no registry answer within 300 ms"));
        assertThat(report.summary().ok()).isEqualTo(1);
    }

    @Test
    void a_registry_that_throws_gives_a_partial_report() {
        FixedRegistry registry = new FixedRegistry(pkg -> {
            throw new IllegalStateException("socket closed");
        });
        FixedTree tree = new FixedTree(Map.of("app", List.of(direct(APP_LIB, MIT), direct(COMMONS, null))), List.of());

        LicenceReport report = new LicenceService(tree, registry, SETTINGS).checkPackages(List.of("app"), null);

        assertThat(report.problems())
                .containsExactly(
                        new LicenceReport.Problem(COMMONS.purl(), "the look-up failed: IllegalStateException"));
        assertThat(report.summary().total()).isEqualTo(2);
    }

    @Test
    void the_agent_gets_a_compact_verdict_it_can_cite() {
        FixedTree tree = new FixedTree(
                Map.of(
                        "pkg:maven/org.example/engine@2.0", List.of(direct(ENGINE, null)),
                        "pkg:maven/org.apache.commons/commons-lang3@3.14.0", List.of(direct(COMMONS, null))),
                List.of());
        FixedRegistry registry = FixedRegistry.of(Map.of(ENGINE, found("AGPL-3.0-only"), COMMONS, found("Apache-2.0")));
        LicenceService service = new LicenceService(tree, registry, SETTINGS);

        String text = service.checkForAgent(
                List.of("pkg:maven/org.example/engine@2.0", "pkg:maven/org.apache.commons/commons-lang3@3.14.0"),
                "saas",
                Optional.of(DistributionModel.INTERNAL));

        assertThat(text)
                .startsWith("Licence check (policy: saas, defaults): 1 blocker, 0 review, 1 ok, of 2 dependencies.");
        assertThat(text)
                .contains("- pkg:maven/org.example/engine@2.0: BLOCKER - AGPL-3.0-only (network-copyleft, declared); "
                        + "obligations: network-source-disclosure, same-licence");
        assertThat(text)
                .contains(
                        "- pkg:maven/org.apache.commons/commons-lang3@3.14.0: OK - Apache-2.0 (permissive, declared)");
        assertThat(text).contains("cite them");
        assertThat(service.checkForAgent(List.of("nonsense"), null, Optional.empty()))
                .startsWith("The licence check could not read the request:");
        assertThat(service.checkForAgent(List.of("x"), "cloud", Optional.empty()))
                .contains("saas, distributed, internal");
    }
}
