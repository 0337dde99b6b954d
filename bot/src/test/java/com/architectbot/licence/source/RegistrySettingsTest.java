package com.architectbot.licence.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {

    @Test
    void unset_variables_take_the_public_registries_and_default_limits() {
        // when
        RegistrySettings settings = settings(Map.of());
        // then
        assertThat(settings.mavenUrl()).isEqualTo(URI.create("https://repo1.maven.org/maven2/"));
        assertThat(settings.npmUrl()).isEqualTo(URI.create("https://registry.npmjs.org/"));
        assertThat(settings.pypiUrl()).isEqualTo(URI.create("https://pypi.org/"));
        assertThat(settings.cratesUrl()).isEqualTo(URI.create("https://crates.io/"));
        assertThat(settings.nugetUrl()).isEqualTo(URI.create("https://api.nuget.org/"));
        assertThat(settings.depsDevUrl()).isEqualTo(URI.create("https://api.deps.dev/"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxConcurrentPerHost()).isEqualTo(16);
        assertThat(settings.retries()).isEqualTo(2);
        assertThat(settings.maxBodyBytes()).isEqualTo(32 * 1024 * 1024);
    }

    @Test
    void a_company_mirror_gets_its_trailing_slash() {
        // when
        RegistrySettings settings = settings(Map.of(
                "MAVEN_REPOSITORY_URL", "https://nexus.example.com/repository/maven-public",
                "NUGET_URL", "https://artifactory.example.com/api/nuget/v3/nuget-remote/index.json",
                "REGISTRY_TIMEOUT_SECONDS", "3",
                "REGISTRY_MAX_CONCURRENCY_PER_HOST", "4",
                "REGISTRY_RETRIES", "0",
                "REGISTRY_MAX_BODY_BYTES", "1048576"));
        // then
        assertThat(settings.mavenUrl()).isEqualTo(URI.create("https://nexus.example.com/repository/maven-public/"));
        assertThat(settings.nugetUrl())
                .isEqualTo(URI.create("https://artifactory.example.com/api/nuget/v3/nuget-remote/index.json"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.maxConcurrentPerHost()).isEqualTo(4);
        assertThat(settings.retries()).isZero();
        assertThat(settings.maxBodyBytes()).isEqualTo(1_048_576);
    }

    @Test
    void a_bad_value_fails_naming_the_variable() {
        assertThatThrownBy(() -> settings(Map.of("NPM_REGISTRY_URL", "registry.local")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NPM_REGISTRY_URL");
        assertThatThrownBy(() -> settings(Map.of("REGISTRY_TIMEOUT_SECONDS", "ten")))
                .hasMessageContaining("REGISTRY_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> settings(Map.of("REGISTRY_MAX_CONCURRENCY_PER_HOST", "0")))
                .hasMessageContaining("REGISTRY_MAX_CONCURRENCY_PER_HOST");
        assertThatThrownBy(() -> settings(Map.of("REGISTRY_MAX_BODY_BYTES", "1000")))
                .hasMessageContaining("REGISTRY_MAX_BODY_BYTES");
    }

    private static RegistrySettings settings(Map<String, String> env) {
        return RegistrySettings.from(new Environment(env));
    }
}
