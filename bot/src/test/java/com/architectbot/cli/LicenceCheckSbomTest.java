package com.architectbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.release.SbomSchemas;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code license-check --format cyclonedx|spdx} through {@code Main}, on the bot the CLI opens. The input is an
 * SBOM whose components declare their licences, so no registry is asked (they point at a closed port anyway).
 */
class LicenceCheckSbomTest {

    private static final String LIB = "pkg:maven/org.example/lib@1.0";
    private static final String GPL = "pkg:npm/%40acme/gpl@2.0.0";
    private static final String CHILD = "pkg:npm/child@1.0.0";
    private static final String INPUT = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6",
             "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "app"}},
             "components": [
               {"type": "library", "bom-ref": "%1$s", "name": "lib", "purl": "%1$s",
                "licenses": [{"expression": "Apache-2.0"}]},
               {"type": "library", "bom-ref": "%2$s", "name": "gpl", "purl": "%2$s",
                "licenses": [{"license": {"id": "GPL-3.0-only"}}]},
               {"type": "library", "bom-ref": "%3$s", "name": "child", "purl": "%3$s",
                "licenses": [{"expression": "MIT OR Apache-2.0"}]}],
             "dependencies": [{"ref": "app", "dependsOn": ["%1$s", "%2$s"]},
                              {"ref": "%2$s", "dependsOn": ["%3$s"]}]}
            """.formatted(LIB, GPL, CHILD);
    private static final String NO_REGISTRY = "http://127.0.0.1:9/";

    private final FakeOpenAi model = FakeOpenAi.start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path directory;

    @AfterEach
    void stopModel() {
        model.close();
    }

    @Test
    void spdx_output_is_a_valid_spdx_2_3_document_and_a_blocker_still_exits_one() throws Exception {
        Path sbom = Files.writeString(directory.resolve("app.cdx.json"), INPUT);

        int exit = run("license-check", "--format", "spdx", "--policy", "distributed", sbom.toString());

        assertThat(exit).isEqualTo(ExitCodes.BLOCKER);
        assertThat(err.toString()).isEmpty();
        assertThat(SbomSchemas.spdxErrors(out.toString())).isEmpty();
        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertThat(document.get("name").asText()).isEqualTo("Licence check of app.cdx.json");
        assertThat(document.get("relationships").toString()).contains("DESCRIBES", "DEPENDS_ON");
        assertThat(document.get("packages").toString()).contains("\"annotationType\":\"REVIEW\"", "licenseConcluded");
        Map<String, String> declared = new HashMap<>();
        document.get("packages")
                .forEach(p -> declared.put(
                        p.get("name").asText(), p.get("licenseDeclared").asText()));
        assertThat(declared)
                .containsEntry("org.example:lib", "Apache-2.0")
                .containsEntry("@acme/gpl", "GPL-3.0-only")
                .containsEntry("child", "MIT OR Apache-2.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "json", "csv", "cyclonedx", "spdx", "notices"})
    void every_format_exits_one_on_a_blocker_so_a_release_script_stops(String format) throws Exception {
        Path sbom = Files.writeString(directory.resolve("app.cdx.json"), INPUT);

        int exit = run("license-check", "--format", format, "--policy", "distributed", sbom.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.BLOCKER);
        assertThat(out.toString()).contains("gpl"); // the whole document is still written
    }

    @Test
    void a_cyclonedx_bom_we_write_is_valid_and_reads_back_with_the_same_licences_and_paths() throws Exception {
        Path sbom = Files.writeString(directory.resolve("app.cdx.json"), INPUT);
        int exit = run("license-check", "--format", "cyclonedx", "--policy", "saas", sbom.toString());
        String written = out.toString();
        Path again = Files.writeString(directory.resolve("written.cdx.json"), written);

        int reread = run("license-check", "--format", "json", "--policy", "saas", again.toString());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(SbomSchemas.cycloneDxErrors(written)).isEmpty();
        JsonNode lib = new ObjectMapper().readTree(written).at("/components/0"); // sorted by purl
        assertThat(lib.get("purl").asText()).isEqualTo(LIB);
        assertThat(lib.get("properties").toString())
                .contains("architect-bot:verdict", "architect-bot:category", "architect-bot:provenance");
        assertThat(reread).isEqualTo(ExitCodes.OK);
        Map<String, JsonNode> byPurl = new HashMap<>();
        new ObjectMapper()
                .readTree(out.toString())
                .get("dependencies")
                .forEach(d -> byPurl.put(d.get("purl").asText(), d));
        assertThat(byPurl).containsOnlyKeys(LIB, GPL, CHILD);
        assertThat(byPurl.get(CHILD).get("license").asText()).isEqualTo("MIT OR Apache-2.0");
        assertThat(byPurl.get(CHILD).get("path").get(0).asText()).isEqualTo(GPL);
        assertThat(byPurl.get(GPL).get("direct").asBoolean()).isTrue();
        assertThat(byPurl.get(GPL).get("license").asText()).isEqualTo("GPL-3.0-only");
        assertThat(byPurl.get(LIB).get("license").asText()).isEqualTo("Apache-2.0");
    }

    @Test
    void the_help_names_both_sbom_formats() {
        assertThat(run("license-check", "--help")).isZero();
        assertThat(out.toString()).contains("cyclonedx", "spdx");
        assertThat(run("license-check", "--format", "swid", LIB)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("md, json, csv, cyclonedx, spdx or notices");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var env = BotEnvironment.of(model)
                .with("MAVEN_REPOSITORY_URL", NO_REGISTRY)
                .with("NPM_REGISTRY_URL", NO_REGISTRY)
                .environment();
        return Main.run(env, cli -> cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)), args);
    }
}
