package com.architectbot.licence.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestSettingsTest {

    @Test
    void defaults_are_maven_central_npm_and_a_bot_owned_cache() {
        // when
        ManifestSettings settings = ManifestSettings.from(Map.of());
        // then
        assertThat(settings.mavenRepositoryUrl()).isEqualTo(URI.create("https://repo.maven.apache.org/maven2/"));
        assertThat(settings.npmRegistryUrl()).isEqualTo(URI.create("https://registry.npmjs.org/"));
        assertThat(settings.mavenCacheDir()).isEqualTo(Path.of("data", "maven-cache"));
    }

    @Test
    void variables_override_the_defaults_and_urls_get_a_trailing_slash() {
        // when
        ManifestSettings settings = ManifestSettings.from(Map.of(
                "MAVEN_REPOSITORY_URL", "https://nexus.example.com/repository/maven-public",
                "MAVEN_CACHE_DIR", "/var/cache/bot-maven", "REGISTRY_REQUEST_TIMEOUT_MS", "1500"));
        // then
        assertThat(settings.mavenRepositoryUrl()).hasToString("https://nexus.example.com/repository/maven-public/");
        assertThat(settings.mavenCacheDir()).isEqualTo(Path.of("/var/cache/bot-maven"));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void bad_value_fails_naming_the_variable() {
        assertThatThrownBy(() -> ManifestSettings.from(Map.of("NPM_REGISTRY_URL", "ftp://mirror")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NPM_REGISTRY_URL");
        assertThatThrownBy(() -> ManifestSettings.from(Map.of("REGISTRY_CONNECT_TIMEOUT_MS", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REGISTRY_CONNECT_TIMEOUT_MS");
    }

    @Test
    void package_spec_goes_through_the_spec_parser_as_a_direct_dependency() {
        // given
        PackageRef parsed = new PackageRef(Ecosystem.NPM, null, "react", "18.2.0");
        try (var resolver = new ManifestResolver(ManifestSettings.from(Map.of()), spec -> spec.equals("react@18.2.0") ? parsed : null)) {
            // when
            Resolution resolution = resolver.resolve(List.of(new CheckInput.PackageSpec("react@18.2.0")), ResolveOptions.DEFAULT);
            // then
            assertThat(resolution.dependencies()).singleElement().satisfies(d -> {
                assertThat(d.pkg()).isEqualTo(parsed);
                assertThat(d.direct()).isTrue();
                assertThat(d.declared()).isNull();
            });
        }
    }
}
