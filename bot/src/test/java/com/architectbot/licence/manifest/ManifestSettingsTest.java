package com.architectbot.licence.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.RegistrySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestSettingsTest {

    @Test
    void registries_come_from_the_licence_look_ups_settings_and_the_cache_is_bot_owned() {
        // given
        var env = new Environment(Map.of(
                "MAVEN_REPOSITORY_URL", "https://nexus.example.com/repository/maven-public",
                "REGISTRY_TIMEOUT_SECONDS", "3"));
        // when
        ManifestSettings settings = ManifestSettings.from(RegistrySettings.from(env), env);
        // then
        assertThat(settings.mavenRepositoryUrl()).hasToString("https://nexus.example.com/repository/maven-public/");
        assertThat(settings.npmRegistryUrl()).isEqualTo(URI.create("https://registry.npmjs.org/"));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.mavenCacheDir()).isEqualTo(Path.of("data", "maven-cache"));
        assertThat(settings.mavenConcurrencyPerHost()).isEqualTo(16);
    }

    @Test
    void maven_concurrency_per_host_is_configurable_and_a_wrong_value_names_the_variable() {
        // given
        var polite = new Environment(Map.of("MAVEN_MAX_CONCURRENCY_PER_HOST", "4"));
        var none = new Environment(Map.of("MAVEN_MAX_CONCURRENCY_PER_HOST", "0"));
        // when / then
        assertThat(ManifestSettings.from(RegistrySettings.from(polite), polite).mavenConcurrencyPerHost())
                .isEqualTo(4);
        assertThatThrownBy(() -> ManifestSettings.from(RegistrySettings.from(none), none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAVEN_MAX_CONCURRENCY_PER_HOST");
    }

    @Test
    void package_spec_goes_through_the_spec_parser_as_a_direct_dependency() {
        // given
        PackageRef parsed = new PackageRef(Ecosystem.NPM, null, "react", "18.2.0");
        try (var resolver = new ManifestResolver(defaults(), spec -> spec.equals("react@18.2.0") ? parsed : null)) {
            // when
            Resolution resolution =
                    resolver.resolve(List.of(new CheckInput.PackageSpec("react@18.2.0")), ResolveOptions.DEFAULT);
            // then
            assertThat(resolution.dependencies()).singleElement().satisfies(d -> {
                assertThat(d.pkg()).isEqualTo(parsed);
                assertThat(d.direct()).isTrue();
                assertThat(d.declared()).isNull();
            });
        }
    }

    private static ManifestSettings defaults() {
        var env = new Environment(Map.of());
        return ManifestSettings.from(RegistrySettings.from(env), env);
    }
}
