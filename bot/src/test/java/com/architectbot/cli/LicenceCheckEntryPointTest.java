package com.architectbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.ops.LicenceConfig;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.TestRedis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code license-check} through {@link Main}, the real entry point: it opens Redis and the licence check alone,
 * so the rest of the bot's configuration cannot stop it, and {@code --help} or bad input open nothing.
 */
class LicenceCheckEntryPointTest {

    /** Four packages the fake npm registry knows, none with its licence in the lockfile: each is looked up. */
    private static final String LOCKFILE = """
            {"name": "app", "lockfileVersion": 3, "packages": {
              "": {"name": "app", "dependencies": {"react": "18.2.0", "jszip": "3.10.1", "eyes": "0.1.8"}},
              "node_modules/react": {"version": "18.2.0"},
              "node_modules/jszip": {"version": "3.10.1", "dependencies": {"lru-cache": "2.5.0"}},
              "node_modules/lru-cache": {"version": "2.5.0"},
              "node_modules/eyes": {"version": "0.1.8"}
            }}
            """;

    private final FakeRegistry npm = FakeRegistry.serving("npm");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {}

    @AfterEach
    void stop() {
        npm.close();
    }

    @Test
    void the_check_reads_no_model_channel_or_store_key_configuration() {
        Map<String, String> broken = Map.of(
                "LLM_PROVIDER", "openai", // and no OPENAI_API_KEY: the bot would refuse to start
                "DATA_ENCRYPTION_KEY", "not a key",
                "PORT", "-1",
                "SLACK_BOT_TOKEN", "not a Slack token",
                "MICROSOFT_APP_ID", "an app without its password");

        Run run = run(withRedis(broken), "pkg:npm/react@18.2.0");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("react", "MIT");
    }

    @Test
    void a_warm_lockfile_check_gives_the_same_report_without_the_registry() throws IOException {
        Path lockfile = Files.writeString(directory.resolve("package-lock.json"), LOCKFILE);
        Run cold = run(withRedis(Map.of()), "--format", "json", lockfile.toString());
        int requests = npm.requests().size();

        Run warm = run(withRedis(Map.of()), "--format", "json", lockfile.toString());

        assertThat(cold.exitCode()).as(cold.err()).isZero();
        assertThat(cold.out()).contains("pkg:npm/react@18.2.0", "pkg:npm/lru-cache@2.5.0");
        assertThat(warm).isEqualTo(cold);
        assertThat(npm.requests()).hasSize(requests);
    }

    @Test
    void help_and_bad_input_start_no_redis() throws IOException {
        Map<String, String> embedded = embeddedRedis(directory.resolve("data"));

        List<Run> runs = List.of(
                run(embedded, "--help"),
                run(embedded, "--format", "xml", "react@18.2.0"),
                run(embedded, directory.resolve("missing/package-lock.json").toString()),
                run(embedded));

        assertThat(runs).extracting(Run::exitCode).containsExactly(0, 2, 2, 2);
        assertThat(directory.resolve("data")).doesNotExist();
    }

    @Test
    void a_check_starts_the_embedded_redis_and_stops_it_when_done() throws IOException {
        Map<String, String> embedded = embeddedRedis(directory.resolve("data"));

        Run run = run(embedded, "pkg:npm/eyes@0.1.8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(directory.resolve("data")).isDirectory();
        int port = Integer.parseInt(embedded.get("REDIS_EMBEDDED_PORT"));
        try (ServerSocket free = new ServerSocket(port)) {
            assertThat(free.getLocalPort()).isEqualTo(port); // nothing listens there any more
        }
    }

    @Test
    void without_a_data_folder_set_the_cache_lives_in_data_under_the_working_directory() {
        // the configuration Main.run opens license-check with; running it here would write into the build's folder
        var config = LicenceConfig.from(new Environment(Map.of()));

        assertThat(config.redis().embedded()).isTrue();
        assertThat(config.redis().dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void a_data_folder_that_is_a_file_gets_a_message_naming_the_variable_not_a_stack_trace() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "not a folder");

        for (Path dataDir : List.of(file, file.resolve("below"))) {
            Run run = run(embeddedRedis(dataDir), "pkg:npm/eyes@0.1.8");

            assertThat(run.exitCode()).as(dataDir.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .startsWith("Configuration error: ")
                    .contains("REDIS_DATA_DIR")
                    .doesNotContain("\tat ", "Exception", "run it again");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void a_bad_setting_is_a_configuration_error_naming_the_variable() {
        Run run = run(withRedis(Map.of("MAVEN_MAX_CONCURRENCY_PER_HOST", "0")), "pkg:npm/eyes@0.1.8");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .startsWith("Configuration error: ")
                .contains("MAVEN_MAX_CONCURRENCY_PER_HOST")
                .doesNotContain("\tat ", "Exception", "run it again");
        assertThat(run.out()).isEmpty();
    }

    private Map<String, String> withRedis(Map<String, String> more) {
        Map<String, String> variables = new HashMap<>(more);
        variables.put("REDIS_URL", TestRedis.uri().toString());
        variables.put("NPM_REGISTRY_URL", npm.baseUri().toString());
        variables.put("MAVEN_CACHE_DIR", directory.resolve("maven-cache").toString());
        return variables;
    }

    private Map<String, String> embeddedRedis(Path dataDir) throws IOException {
        Map<String, String> variables = withRedis(Map.of());
        variables.remove("REDIS_URL");
        variables.put("REDIS_DATA_DIR", dataDir.toString());
        try (ServerSocket socket = new ServerSocket(0)) {
            variables.put("REDIS_EMBEDDED_PORT", String.valueOf(socket.getLocalPort()));
        }
        return variables;
    }

    private Run run(Map<String, String> variables, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] command = new String[args.length + 1];
        command[0] = "license-check";
        System.arraycopy(args, 0, command, 1, args.length);
        int exitCode = Main.run(
                new Environment(variables),
                cli -> cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)),
                command);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
