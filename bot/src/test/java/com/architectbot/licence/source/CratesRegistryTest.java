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

class CratesRegistryTest {

    private final FakeRegistry crates = FakeRegistry.serving("crates");
    private final Registries registries = new Registries(TestSettings.allAt(crates.baseUri()));

    @AfterEach
    void stop() {
        crates.close();
    }

    @Test
    void the_version_licence_is_the_statement() {
        // when
        Lookup lookup = registries.lookup(new PackageRef(Ecosystem.CARGO, null, "serde", "1.0.197"));
        // then
        assertThat(found(lookup).statements()).containsExactly(new LicenceStatement("MIT OR Apache-2.0", null));
        assertThat(crates.requests()).containsExactly("/api/v1/crates/serde/1.0.197");
    }

    @Test
    void an_unknown_crate_is_unknown_with_the_reason() {
        // when
        Lookup lookup = registries.lookup(new PackageRef(Ecosystem.CARGO, null, "no-such-crate", "0.1.0"));
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("not found in crates.io"));
    }
}
