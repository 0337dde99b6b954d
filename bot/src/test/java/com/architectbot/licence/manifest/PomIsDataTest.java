package com.architectbot.licence.manifest;

import static com.architectbot.licence.manifest.ManifestFixtures.maven;
import static com.architectbot.licence.manifest.ManifestFixtures.packages;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pom.xml is data: nothing of the bot's environment, system properties or disk gets into its tree or requests. */
class PomIsDataTest {

    private static final String PROPERTY_CANARY = "canary-property-7f3a9";
    private static final String DISK_CANARY = "9.9.9-canary-from-disk";

    @TempDir
    Path cache;

    @TempDir
    Path disk;

    @AutoClose
    private final ResolverOnFakes fakes = new ResolverOnFakes();

    private ManifestResolver resolver;

    @BeforeEach
    void start() {
        resolver = fakes.resolver(cache);
        System.setProperty("architect.canary", PROPERTY_CANARY);
    }

    @AfterEach
    void stop() {
        System.clearProperty("architect.canary");
    }

    @Test
    void environment_and_system_properties_stay_literal_and_are_never_requested() {
        // given: versions an attacker points at the bot's environment, next to one from the POM's own property
        CheckInput.Manifest pom = pom("", """
                <properties><slf4j.version>1.7.36</slf4j.version></properties>
                <dependencies>
                  %s
                  %s
                  %s
                  %s
                  %s
                </dependencies>""".formatted(
                        dependency("org.slf4j", "slf4j-api", "${slf4j.version}"),
                        dependency("org.example", "from-env", "${env.PATH}"),
                        dependency("org.example", "from-home", "${user.home}"),
                        dependency("org.example", "from-java", "${java.version}"),
                        dependency("org.example", "from-property", "${architect.canary}")));
        // when
        Resolution resolution = resolver.resolve(List.of(pom), ResolveOptions.DEFAULT);
        // then: the user's own property resolves; the rest are reported literally and never looked up
        assertThat(packages(resolution)).containsExactly(maven("org.slf4j", "slf4j-api", "1.7.36"));
        assertThat(resolution.problems())
                .anySatisfy(p -> assertThat(p).contains("org.example:from-env:${env.PATH} is not checked"))
                .anySatisfy(p -> assertThat(p).contains("${user.home}", "not defined by the POM"))
                .anySatisfy(p -> assertThat(p).contains("${java.version}"))
                .anySatisfy(p -> assertThat(p).contains("${architect.canary}"));
        assertNothingLeaked(resolution, secrets());
        assertThat(fakes.central.rawRequests()).noneSatisfy(r -> assertThat(r).containsAnyOf("${", "%7B", "from-"));
    }

    @Test
    void parent_comes_from_the_repository_never_from_a_relative_path_on_disk() throws Exception {
        // given: a file on the bot's disk with the parent's coordinates and a property the child uses
        Path local = Files.createDirectories(disk.resolve("evil")).resolve("pom.xml");
        Files.writeString(local, """
                <project><modelVersion>4.0.0</modelVersion>
                  <groupId>org.slf4j</groupId><artifactId>slf4j-parent</artifactId><version>1.7.36</version>
                  <packaging>pom</packaging>
                  <properties><leak.version>%s</leak.version></properties>
                </project>""".formatted(DISK_CANARY));
        String relativePath = "../" + disk.getFileName() + "/evil/pom.xml";
        CheckInput.Manifest pom = pom(
                """
                <parent><groupId>org.slf4j</groupId><artifactId>slf4j-parent</artifactId><version>1.7.36</version>
                  <relativePath>%s</relativePath></parent>""".formatted(relativePath),
                "<dependencies>" + dependency("org.slf4j", "slf4j-api", "${leak.version}") + "</dependencies>");
        // when
        Resolution resolution = resolver.resolve(List.of(pom), ResolveOptions.DEFAULT);
        // then: the parent was fetched from the repository, where leak.version is not defined
        assertThat(fakes.central.requests()).contains("/org/slf4j/slf4j-parent/1.7.36/slf4j-parent-1.7.36.pom");
        assertThat(resolution.problems())
                .anySatisfy(p -> assertThat(p).contains("org.slf4j:slf4j-api:${leak.version} is not checked"));
        assertNothingLeaked(resolution, List.of(DISK_CANARY));
        assertThat(fakes.central.rawRequests()).noneSatisfy(r -> assertThat(r).contains(DISK_CANARY));
    }

    @Test
    void project_version_and_inherited_properties_still_resolve() {
        // given
        CheckInput.Manifest pom = pom(
                """
                <parent><groupId>org.slf4j</groupId><artifactId>slf4j-parent</artifactId><version>1.7.36</version></parent>""", "<dependencies>" + dependency("org.slf4j", "slf4j-api", "${project.version}") + "</dependencies>");
        // when
        Resolution resolution = resolver.resolve(List.of(pom), ResolveOptions.DEFAULT);
        // then
        assertThat(packages(resolution)).contains(maven("org.slf4j", "slf4j-api", "1.7.36"));
        assertThat(resolution.problems()).noneSatisfy(p -> assertThat(p).containsAnyOf("${", "effective POM"));
    }

    /** Values of the bot's own environment that must never come out. */
    static List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(
                PROPERTY_CANARY,
                System.getenv("PATH"),
                System.getProperty("user.home"),
                System.getProperty("java.version")));
        if (System.getenv("HOME") != null) {
            secrets.add(System.getenv("HOME"));
        }
        return secrets;
    }

    private static void assertNothingLeaked(Resolution resolution, List<String> secrets) {
        String everything = resolution.dependencies() + "\n" + String.join("\n", resolution.problems());
        for (String secret : secrets) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    private static CheckInput.Manifest pom(String parent, String body) {
        return new CheckInput.Manifest("pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  %s
                  <groupId>com.example</groupId><artifactId>attacked</artifactId><version>1.7.36</version>
                  %s
                </project>""".formatted(parent, body));
    }

    private static String dependency(String group, String artifact, String version) {
        return "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>"
                .formatted(group, artifact, version);
    }
}
