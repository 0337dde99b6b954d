package com.architectbot.cli;

import static com.architectbot.licence.FixedRegistry.found;
import static com.architectbot.licence.FixedTree.direct;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.FixedRegistry;
import com.architectbot.licence.FixedTree;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LicenceCheckCommandTest {

    private static final PackageRef COMMONS =
            new PackageRef(Ecosystem.MAVEN, "org.apache.commons", "commons-lang3", "3.14.0");
    private static final PackageRef ENGINE = new PackageRef(Ecosystem.MAVEN, "org.example", "engine", "2.0");
    private static final PackageRef GPL_LIB = new PackageRef(Ecosystem.NPM, null, "gpl-lib", "1.0.0");
    private static final String COMMONS_COORDS = "org.apache.commons:commons-lang3:3.14.0";

    private final FixedTree tree = new FixedTree(
            Map.of(
                    COMMONS_COORDS,
                    List.of(direct(COMMONS, null)),
                    ENGINE.purl(),
                    List.of(direct(ENGINE, null)),
                    "gpl-lib@1.0.0",
                    List.of(direct(GPL_LIB, null)),
                    "package-lock.json",
                    List.of(direct(COMMONS, null), direct(GPL_LIB, null))),
            List.of());
    private final FixedRegistry registry = FixedRegistry.of(
            Map.of(COMMONS, found("Apache-2.0"), ENGINE, found("AGPL-3.0-only"), GPL_LIB, found("GPL-3.0-only")));
    private final LicenceSettings settings = new LicenceSettings(DistributionModel.SAAS, null, Duration.ofSeconds(30));

    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {}

    @Test
    void nothing_blocking_exits_zero() {
        Run run = run(COMMONS_COORDS);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("**Licence check, saas:** 0 blocker · 0 review · 1 ok");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_blocker_exits_one() {
        assertThat(run("--policy", "saas", ENGINE.purl()).exitCode()).isEqualTo(1);
    }

    @Test
    void the_distribution_model_changes_the_verdict() {
        assertThat(run("gpl-lib@1.0.0").exitCode()).isZero();
        assertThat(run("--policy", "distributed", "gpl-lib@1.0.0").exitCode()).isEqualTo(1);
    }

    @Test
    void a_manifest_file_is_read_by_its_file_name() throws Exception {
        Path lockfile = Files.writeString(directory.resolve("package-lock.json"), "{\"lockfileVersion\": 3}");

        Run run = run("--format", "json", "--direct-only", "--policy", "distributed", lockfile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("policy").asText()).isEqualTo("distributed");
        assertThat(json.get("dependencies")).hasSize(2);
        assertThat(tree.optionsSeen().getLast().directOnly()).isTrue();
    }

    @Test
    void csv_is_available() {
        Run run = run("--format", "csv", COMMONS_COORDS);

        assertThat(run.out()).startsWith("purl,license,");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void a_policy_file_can_deny_a_licence() throws Exception {
        Path policy = Files.writeString(directory.resolve("policy.json"), "{\"licences\": {\"deny\": [\"Apache-*\"]}}");

        assertThat(run("--policy-file", policy.toString(), COMMONS_COORDS).exitCode())
                .isEqualTo(1);
    }

    @Test
    void a_malformed_manifest_exits_two_with_a_message_and_no_stack_trace() throws Exception {
        Path pom = Files.writeString(directory.resolve("pom.xml"), FixedTree.MALFORMED);

        Run run = run(pom.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pom.xml is not a manifest we can read");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void bad_input_exits_two() throws Exception {
        Path invalidPolicy = Files.writeString(directory.resolve("bad-policy.json"), "{\"model\": \"cloud\"}");

        assertThat(run("--policy", "cloud", COMMONS_COORDS)).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("saas, distributed, internal");
        });
        assertThat(run("--format", "xml", COMMONS_COORDS).exitCode()).isEqualTo(2);
        assertThat(run(directory.resolve("missing/pom.xml").toString()).err()).contains("No such file");
        assertThat(run("not a package").exitCode()).isEqualTo(2);
        assertThat(run("--policy-file", invalidPolicy.toString(), COMMONS_COORDS)
                        .exitCode())
                .isEqualTo(2);
        assertThat(run().exitCode()).isEqualTo(2);
        assertThat(run("--no-such-option", COMMONS_COORDS).exitCode()).isEqualTo(2);
    }

    @Test
    void help_needs_no_service() {
        CommandLine command = new CommandLine(new LicenceCheckCommand(
                () -> {
                    throw new AssertionError("the service must not be built for --help");
                },
                () -> {
                    throw new AssertionError("no package files for --help");
                }));
        StringWriter out = new StringWriter();
        command.setOut(new PrintWriter(out));

        assertThat(command.execute("--help")).isZero();
        assertThat(out.toString()).contains("license-check", "--policy", "--include-test-scopes", "Exit codes");
    }

    @Test
    void package_urls_are_never_taken_for_files() {
        assertThat(LicenceCheckCommand.readInputs(List.of("pkg:npm/%40scope/name@1.0.0", "react@18.2.0")))
                .containsExactly(
                        new CheckInput.PackageSpec("pkg:npm/%40scope/name@1.0.0"),
                        new CheckInput.PackageSpec("react@18.2.0"));
    }

    private Run run(String... args) {
        LicenceService service = new LicenceService(tree, registry, settings);
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
}
