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

class NugetRegistryTest {

    private final FakeRegistry nuget = FakeRegistry.serving("nuget");
    private final Registries registries = new Registries(TestSettings.allAt(nuget.baseUri()));

    @AfterEach
    void stop() {
        nuget.close();
    }

    @Test
    void a_licence_expression_is_the_statement_and_the_service_index_is_read_once() {
        // when
        Lookup first = registries.lookup(nuget("Newtonsoft.Json", "13.0.3"));
        Lookup second = registries.lookup(nuget("log4net", "2.0.8"));
        // then
        assertThat(found(first).statements()).containsExactly(new LicenceStatement("MIT", null));
        assertThat(found(second).statements())
                .containsExactly(new LicenceStatement(null, "http://logging.apache.org/log4net/license.html"));
        assertThat(nuget.requests())
                .containsExactly(
                        "/v3/index.json",
                        "/v3-flatcontainer/newtonsoft.json/13.0.3/newtonsoft.json.nuspec",
                        "/v3-flatcontainer/log4net/2.0.8/log4net.nuspec");
    }

    @Test
    void a_licence_file_is_pointed_at_and_the_placeholder_url_ignored() {
        // when
        Lookup lookup = registries.lookup(nuget("Example.LicenseFile", "1.0.0"));
        // then
        assertThat(found(lookup).statements())
                .containsExactly(new LicenceStatement("SEE LICENSE IN LICENSE.txt", null));
    }

    @Test
    void an_unknown_package_is_unknown_with_the_reason() {
        // when
        Lookup lookup = registries.lookup(nuget("No.Such.Package", "1.0.0"));
        // then
        assertThat(lookup).isEqualTo(new Lookup.Unknown("not found in NuGet"));
    }

    @Test
    void a_feed_without_a_service_index_says_which_setting_to_check() {
        // given a "feed" that is really the Maven fixtures
        try (FakeRegistry wrong = FakeRegistry.serving("maven")) {
            Registries misconfigured = new Registries(TestSettings.allAt(wrong.baseUri()));
            // when
            Lookup lookup = misconfigured.lookup(nuget("Newtonsoft.Json", "13.0.3"));
            // then
            assertThat(lookup).isInstanceOf(Lookup.Unknown.class);
            assertThat(((Lookup.Unknown) lookup).reason())
                    .contains("service index not found")
                    .contains("NUGET_URL");
        }
    }

    private static PackageRef nuget(String id, String version) {
        return new PackageRef(Ecosystem.NUGET, null, id, version);
    }
}
