package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.find;
import static com.architectbot.licence.manifest.ManifestFixtures.licenceTexts;
import static com.architectbot.licence.manifest.ManifestFixtures.manifest;
import static com.architectbot.licence.manifest.ManifestFixtures.maven;
import static com.architectbot.licence.manifest.ManifestFixtures.npm;
import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import org.junit.jupiter.api.Test;

/** SBOMs are the exact tree and carry their licences; no registry is involved. */
class SbomManifestTest {

    private final ManifestReader cycloneDx = new CycloneDxReader();
    private final ManifestReader spdx = new SpdxSbomReader();

    @Test
    void cyclonedx_components_carry_their_licences_as_declared() {
        // when
        Resolution resolution = cycloneDx.read(manifest("bom.cdx.json"), ResolveOptions.DEFAULT);
        // then: id, name with URL, and expression forms
        assertThat(licenceTexts(find(resolution, maven("com.fasterxml.jackson.core", "jackson-databind", "2.17.2"))))
                .containsExactly("Apache-2.0");
        assertThat(find(resolution, maven("com.fasterxml.jackson.core", "jackson-core", "2.17.2"))
                        .declared()
                        .statements())
                .containsExactly(new LicenceStatement(
                        "The Apache Software License, Version 2.0", "https://www.apache.org/licenses/LICENSE-2.0.txt"));
        assertThat(licenceTexts(find(resolution, maven("org.glassfish.jaxb", "jaxb-runtime", "4.0.5"))))
                .containsExactly("BSD-3-Clause");
    }

    @Test
    void cyclonedx_dependency_graph_gives_direct_and_paths() {
        // when
        Resolution resolution = cycloneDx.read(manifest("bom.cdx.json"), ResolveOptions.DEFAULT);
        // then
        PackageRef databind = maven("com.fasterxml.jackson.core", "jackson-databind", "2.17.2");
        assertThat(find(resolution, databind).direct()).isTrue();
        assertThat(find(resolution, new PackageRef(Ecosystem.NPM, "@angular", "core", "17.3.8"))
                        .direct())
                .isTrue();
        Dependency jaxb = find(resolution, maven("org.glassfish.jaxb", "jaxb-runtime", "4.0.5"));
        assertThat(jaxb.direct()).isFalse();
        assertThat(jaxb.path()).containsExactly(databind);
    }

    @Test
    void cyclonedx_excluded_scope_is_left_out_and_purl_less_components_are_reported() {
        // when
        Resolution resolution = cycloneDx.read(manifest("bom.cdx.json"), ResolveOptions.DEFAULT);
        Resolution withTests = cycloneDx.read(manifest("bom.cdx.json"), new ResolveOptions(false, true));
        // then
        assertThat(packages(resolution)).doesNotContain(maven("junit", "junit", "4.13.2"));
        assertThat(packages(withTests)).contains(maven("junit", "junit", "4.13.2"));
        assertThat(resolution.problems())
                .singleElement()
                .asString()
                .contains("1 component(s) skipped")
                .contains("debian");
    }

    @Test
    void spdx_packages_carry_declared_licence_else_concluded() {
        // when
        Resolution resolution = spdx.read(manifest("inventory.spdx.json"), ResolveOptions.DEFAULT);
        // then
        assertThat(licenceTexts(find(resolution, npm("express", "4.19.2")))).containsExactly("MIT");
        assertThat(licenceTexts(find(resolution, npm("body-parser", "1.20.2")))).containsExactly("MIT");
        assertThat(licenceTexts(find(resolution, new PackageRef(Ecosystem.PYPI, null, "requests", "2.31.0"))))
                .containsExactly("Apache-2.0");
        assertThat(resolution.problems()).isEmpty();
    }

    @Test
    void spdx_relationships_give_the_tree_and_dev_dependencies_only_on_request() {
        // when
        Resolution resolution = spdx.read(manifest("inventory.spdx.json"), ResolveOptions.DEFAULT);
        Resolution withTests = spdx.read(manifest("inventory.spdx.json"), new ResolveOptions(false, true));
        // then: the described package is the subject, not a dependency
        assertThat(packages(resolution))
                .containsExactlyInAnyOrder(
                        npm("express", "4.19.2"),
                        npm("body-parser", "1.20.2"),
                        new PackageRef(Ecosystem.PYPI, null, "requests", "2.31.0"));
        assertThat(find(resolution, npm("body-parser", "1.20.2")).path()).containsExactly(npm("express", "4.19.2"));
        assertThat(find(withTests, npm("jest", "29.7.0")).direct()).isTrue();
    }

    @Test
    void json_that_is_not_cyclonedx_is_refused_clearly() {
        // given
        var wrong = new CheckInput.Manifest("bom.cdx.json", "{\"bomFormat\": \"SomethingElse\", \"components\": []}");
        // when / then
        assertThatThrownBy(() -> cycloneDx.read(wrong, ResolveOptions.DEFAULT))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage(
                        "bom.cdx.json could not be read: \"bomFormat\" is not \"CycloneDX\". Fix the file and try again.");
    }
}
