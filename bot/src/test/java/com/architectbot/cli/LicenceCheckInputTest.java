package com.architectbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.licence.manifest.ManifestSettings;
import com.architectbot.licence.source.PackageSpecs;
import com.architectbot.licence.source.Registries;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.testing.FakeRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Hostile input through {@code license-check} with the real resolver and registries on loopback fakes. */
class LicenceCheckInputTest {

    private static final String PROPERTY_CANARY = "cli-canary-property-51c2";
    private static final String DEEP = "(".repeat(100_000) + "MIT" + ")".repeat(100_000);

    @TempDir
    Path directory;

    @TempDir
    Path cache;

    @TempDir
    Path npmFolder;

    private FakeRegistry central;
    private FakeRegistry npm;
    private ManifestResolver resolver;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        central = FakeRegistry.serving("maven-tree");
        Files.createDirectories(npmFolder.resolve("deep-licence"));
        Files.writeString(npmFolder.resolve("deep-licence/1.0.0"), "{\"license\": \"" + DEEP + "\"}");
        npm = FakeRegistry.servingFolder(npmFolder);
        System.setProperty("architect.canary", PROPERTY_CANARY);
    }

    @AfterEach
    void stop() {
        System.clearProperty("architect.canary");
        if (resolver != null) {
            resolver.close();
        }
        central.close();
        npm.close();
    }

    @Test
    void a_pom_reading_the_bots_environment_gets_the_expressions_back_literally_and_nothing_else() throws Exception {
        // given
        Path pom = Files.writeString(directory.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId><artifactId>attacked</artifactId><version>1.0</version>
                  <properties><slf4j.version>1.7.36</slf4j.version></properties>
                  <dependencies>
                    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>${slf4j.version}</version></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>env</artifactId><version>${env.PATH}</version></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>home</artifactId><version>${user.home}</version></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>java</artifactId><version>${java.version}</version></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>prop</artifactId><version>${architect.canary}</version></dependency>
                  </dependencies>
                </project>""");
        // when
        Run run = run("--format", "json", pom.toString());
        // then: the user's own property resolved; the rest are named as unresolved; no value came out
        assertThat(run.exitCode()).isIn(0, 1);
        assertThat(run.out())
                .contains(
                        "pkg:maven/org.slf4j/slf4j-api@1.7.36",
                        "org.example:env:${env.PATH} is not checked",
                        "${user.home}",
                        "${java.version}",
                        "${architect.canary}");
        for (String secret : secrets()) {
            assertThat(run.out() + run.err()).doesNotContain(secret);
            assertThat(central.requests()).noneSatisfy(path -> assertThat(path).contains(secret));
            assertThat(npm.requests()).noneSatisfy(path -> assertThat(path).contains(secret));
        }
        assertThat(central.requests()).noneSatisfy(path -> assertThat(path).contains("${"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..@1.0.0",
                "_private@1.0.0",
                "pkg:npm/%2e%2e@1.0.0",
                "pkg:npm/a%3Fb@1.0.0",
                "@scope/<script>@1.0.0",
                "pkg:npm/http%3A%2F%2Fevil.example@1.0.0"
            })
    void a_malformed_npm_name_is_bad_input_with_exit_two(String spec) {
        // when
        Run run = run(spec);
        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not a valid npm package name");
        assertThat(npm.requests()).isEmpty();
    }

    @Test
    void a_malformed_npm_name_in_package_json_is_bad_input_with_exit_two() throws Exception {
        // given
        Path manifest = Files.writeString(
                directory.resolve("package.json"), "{\"dependencies\": {\"http://evil.example/x\": \"^1.0.0\"}}");
        // when
        Run run = run(manifest.toString());
        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("package.json could not be read", "is not a valid npm package name");
        assertThat(npm.requests()).isEmpty();
    }

    @Test
    void an_sbom_with_a_hundred_thousand_deep_licence_expression_gets_a_clear_outcome() throws Exception {
        // given
        Path sbom = Files.writeString(directory.resolve("bom.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
                  {"bom-ref": "a", "purl": "pkg:npm/deep-licence@1.0.0", "licenses": [{"expression": "%s"}]}]}""".formatted(DEEP));
        // when
        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--format", "json", sbom.toString()));
        // then: a report, not a crash: the text is no SPDX expression, so it is read as licence text and marked mapped
        assertThat(run.exitCode()).isIn(0, 1);
        assertThat(run.out()).contains("pkg:npm/deep-licence@1.0.0", "\"provenance\" : \"mapped\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_registry_answering_a_hundred_thousand_deep_licence_expression_gets_a_clear_outcome() {
        // when
        Run run =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--format", "json", "deep-licence@1.0.0"));
        // then
        assertThat(run.exitCode()).isIn(0, 1);
        assertThat(run.out()).contains("pkg:npm/deep-licence@1.0.0", "\"provenance\" : \"mapped\"");
        assertThat(run.err()).isEmpty();
        assertThat(npm.requests()).contains("/deep-licence/1.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"markdown", "json"})
    void tokens_in_requirements_lines_never_reach_the_report_but_harmless_lines_still_do(String format)
            throws Exception {
        // given: built here so no real-looking token is committed
        String pypiToken = "pypi-Ag" + "Xy7".repeat(20);
        String githubToken = "ghp_" + "Ab3d".repeat(9);
        Path requirements = Files.writeString(
                directory.resolve("requirements.txt"),
                String.join(
                        "\n",
                        "--extra-index-url https://__token__:" + pypiToken + "@pkgs.corp/simple",
                        "private-lib @ git+https://" + githubToken + "@github.com/org/x.git",
                        "unpinned-harmless-lib",
                        ""));
        // when
        Run run = run("--format", format, requirements.toString());
        // then
        assertThat(run.out() + run.err()).doesNotContain(pypiToken, githubToken, "Xy7Xy7", "Ab3dAb3d");
        assertThat(run.out()).contains("unpinned-harmless-lib", "pkgs.corp/simple", "github.com/org/x.git");
    }

    private Run run(String... args) {
        URI maven = central.baseUri();
        URI other = npm.baseUri();
        RegistrySettings registries = new RegistrySettings(
                maven,
                other,
                other,
                other,
                other,
                other,
                Duration.ofSeconds(5),
                8,
                0,
                Duration.ofMillis(10),
                RegistrySettings.DEFAULT_MAX_BODY_BYTES);
        resolver = new ManifestResolver(
                new ManifestSettings(
                        maven,
                        other,
                        cache,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10),
                        0,
                        RegistrySettings.DEFAULT_MAX_BODY_BYTES,
                        ManifestSettings.DEFAULT_MAVEN_CONCURRENCY_PER_HOST),
                PackageSpecs::parse);
        LicenceService service = new LicenceService(
                resolver,
                new Registries(registries, cache),
                new LicenceSettings(DistributionModel.SAAS, null, Duration.ofSeconds(30)));
        CommandLine command = new CommandLine(new LicenceCheckCommand(() -> service, () -> purl -> {
            throw new AssertionError("no package files here");
        }));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static List<String> secrets() {
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
}
