package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.testing.FakeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads the recorded manifests under {@code src/test/resources/manifests/} and builds resolvers on loopback fakes. */
final class ManifestFixtures {

    private ManifestFixtures() {}

    static CheckInput.Manifest manifest(String resource) {
        return manifest(resource, resource);
    }

    /** The fixture's content under another file name (empty: no name, so the content decides). */
    static CheckInput.Manifest manifest(String resource, String fileName) {
        try (InputStream in = ManifestFixtures.class.getResourceAsStream("/manifests/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new CheckInput.Manifest(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ManifestSettings settings(FakeRegistry maven, FakeRegistry npm, Path cache) {
        return new ManifestSettings(
                maven.baseUri(),
                npm.baseUri(),
                cache,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                0,
                RegistrySettings.DEFAULT_MAX_BODY_BYTES,
                ManifestSettings.DEFAULT_MAVEN_CONCURRENCY_PER_HOST);
    }

    static ManifestResolver resolver(FakeRegistry maven, FakeRegistry npm, Path cache) {
        return new ManifestResolver(settings(maven, npm, cache), spec -> {
            throw new AssertionError("no package spec expected, got " + spec);
        });
    }

    static PackageRef maven(String groupId, String artifactId, String version) {
        return Packages.maven(groupId, artifactId, version);
    }

    static PackageRef npm(String name, String version) {
        return Packages.npm(name, version);
    }

    static Dependency find(Resolution resolution, PackageRef pkg) {
        return resolution.dependencies().stream()
                .filter(d -> d.pkg().equals(pkg))
                .findFirst()
                .orElseThrow(() -> new AssertionError(pkg + " not in " + resolution.dependencies()));
    }

    static List<PackageRef> packages(Resolution resolution) {
        return resolution.dependencies().stream().map(Dependency::pkg).toList();
    }

    static List<String> licenceTexts(Dependency dependency) {
        return dependency.declared().statements().stream()
                .map(LicenceStatement::text)
                .toList();
    }
}
