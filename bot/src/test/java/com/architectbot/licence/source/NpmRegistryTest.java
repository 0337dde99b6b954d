package com.architectbot.licence.source;

import static com.architectbot.licence.source.MavenRegistryTest.found;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.architectbot.testing.FakeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NpmRegistryTest {

    private final FakeRegistry npm = FakeRegistry.serving("npm");
    private final Registries registries = new Registries(TestSettings.allAt(npm.baseUri()));

    @AfterEach
    void stop() {
        npm.close();
    }

    @Test
    void a_licence_string_is_one_statement() {
        // when
        Lookup lookup = registries.lookup(npm(null, "react", "18.2.0"));
        // then
        assertThat(found(lookup).statements()).containsExactly(new LicenceStatement("MIT", null));
        assertThat(npm.requests()).containsExactly("/react/18.2.0");
    }

    @Test
    void an_spdx_expression_is_kept_whole_for_interpretation() {
        // when
        Lookup jszip = registries.lookup(npm(null, "jszip", "3.10.1"));
        Lookup fontawesome = registries.lookup(npm("@fortawesome", "fontawesome-free", "6.5.1"));
        // then
        assertThat(found(jszip).statements()).containsExactly(new LicenceStatement("(MIT OR GPL-3.0-or-later)", null));
        assertThat(found(fontawesome).statements())
                .containsExactly(new LicenceStatement("(CC-BY-4.0 AND OFL-1.1 AND MIT)", null));
    }

    @Test
    void a_scoped_name_is_asked_for_with_an_encoded_slash() {
        // when
        Lookup lookup = registries.lookup(npm("@anthropic-ai", "claude-code", "1.0.0"));
        // then
        assertThat(found(lookup).statements()).containsExactly(new LicenceStatement("SEE LICENSE IN README.md", null));
        assertThat(npm.rawRequests()).containsExactly("/@anthropic-ai%2Fclaude-code/1.0.0");
    }

    @Test
    void a_licence_object_gives_its_type_and_url() {
        // when
        Lookup lookup = registries.lookup(npm(null, "lru-cache", "2.5.0"));
        // then
        assertThat(found(lookup).statements())
                .containsExactly(
                        new LicenceStatement("MIT", "http://github.com/isaacs/node-lru-cache/raw/master/LICENSE"));
    }

    @Test
    void the_legacy_licenses_array_gives_alternatives() {
        // when
        Lookup objects = registries.lookup(npm(null, "json-schema", "0.2.3"));
        Lookup strings = registries.lookup(npm(null, "eyes", "0.1.8"));
        // then
        assertThat(found(objects).statements())
                .containsExactly(
                        new LicenceStatement("AFLv2.1", "http://trac.dojotoolkit.org/browser/dojo/trunk/LICENSE#L43"),
                        new LicenceStatement("BSD", "http://trac.dojotoolkit.org/browser/dojo/trunk/LICENSE#L13"));
        assertThat(found(strings).statements()).containsExactly(new LicenceStatement("MIT", null));
    }

    @Test
    void an_unknown_package_is_unknown_with_the_reason() {
        // when
        Lookup lookup = registries.lookup(npm(null, "no-such-package", "1.0.0"));
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("not found in npm registry"));
    }

    private static PackageRef npm(String scope, String name, String version) {
        return new PackageRef(Ecosystem.NPM, scope, name, version);
    }

    @Test
    void a_name_that_is_no_npm_name_is_not_looked_up() {
        // when: a lockfile or SBOM names a path instead of a package
        Lookup lookup = registries.lookup(npm(null, "..", "1.0.0"));
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("not a valid npm package name, so it was not looked up"));
        assertThat(npm.requests()).isEmpty();
    }
}
