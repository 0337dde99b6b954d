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

class GoRegistryTest {

    private final FakeRegistry depsDev = FakeRegistry.serving("depsdev");
    private final Registries registries = new Registries(TestSettings.allAt(depsDev.baseUri()));

    @AfterEach
    void stop() {
        depsDev.close();
    }

    @Test
    void the_module_path_is_one_encoded_segment() {
        // when
        Lookup lookup = registries.lookup(new PackageRef(Ecosystem.GOLANG, "github.com/gorilla", "mux", "v1.8.0"));
        // then
        assertThat(found(lookup).statements()).containsExactly(new LicenceStatement("BSD-3-Clause", null));
        assertThat(depsDev.rawRequests())
                .containsExactly("/v3/systems/go/packages/github.com%2Fgorilla%2Fmux/versions/v1.8.0");
    }

    @Test
    void several_licence_files_all_apply() {
        // when
        Lookup lookup =
                registries.lookup(new PackageRef(Ecosystem.GOLANG, "github.com/example", "dual-licensed", "v1.0.0"));
        // then
        assertThat(found(lookup).statements()).containsExactly(new LicenceStatement("MIT AND Apache-2.0", null));
    }

    @Test
    void an_unknown_module_is_unknown_with_the_reason() {
        // when
        Lookup lookup = registries.lookup(new PackageRef(Ecosystem.GOLANG, "github.com/example", "nothing", "v0.0.1"));
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("not found in deps.dev"));
    }
}
