package com.architectbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.FakeSlackApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DoctorCommandTest {

    private final FakeOpenAi model = FakeOpenAi.start();
    private final FakeSlackApi slack = FakeSlackApi.start();
    private final FakeBotConnector teams = FakeBotConnector.start();
    private final FakeRegistry registry = FakeRegistry.serving("npm");
    private final StringWriter out = new StringWriter();

    @AfterEach
    void stop() {
        model.close();
        slack.close();
        teams.close();
        registry.close();
    }

    @Test
    void when_everything_answers_each_check_is_printed_and_the_exit_code_is_0() {
        // when
        int exitCode = doctor(healthyEnvironment());
        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("OK   Configuration: valid: openai model 'gpt-4.1-mini'")
                .contains("OK   Redis: PONG from redis://127.0.0.1:")
                .contains("OK   Model: openai model 'gpt-4.1-mini' at " + model.baseUrl() + " answered in")
                .contains("OK   Slack: auth.test OK: workspace Acme (T1), bot user UBOT")
                .contains("OK   Teams: token issued for app test-app-id by " + teams.baseUrl() + "/token")
                .contains("OK   Licence registries: maven HTTP")
                .contains("All checks passed.")
                .doesNotContain("FAIL")
                .doesNotContain(FakeOpenAi.API_KEY);
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void a_dead_redis_is_reported_with_the_variable_to_check_and_exit_code_1() throws IOException {
        // given
        Map<String, String> env = healthyEnvironment();
        env.put("REDIS_URL", "redis://:s3cret@127.0.0.1:" + closedPort());
        // when
        int exitCode = doctor(env);
        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL Redis: ")
                .contains("-> check REDIS_URL")
                .contains("OK   Model")
                .doesNotContain("s3cret");
    }

    @Test
    void a_model_that_rejects_the_key_says_which_key_to_set() {
        // given
        model.enqueue(FakeOpenAi.Response.error(401));
        // when
        int exitCode = doctor(healthyEnvironment());
        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL Model: openai model 'gpt-4.1-mini' at " + model.baseUrl())
                .contains("-> The model provider rejected our credentials: check OPENAI_API_KEY.");
    }

    @Test
    void a_bad_slack_token_says_what_slack_answered_and_which_token_to_set() {
        // given
        slack.fail("auth.test", "invalid_auth");
        // when
        int exitCode = doctor(healthyEnvironment());
        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL Slack: auth.test at " + slack.apiUrl() + " answered invalid_auth")
                .contains("-> set SLACK_BOT_TOKEN to the Bot User OAuth Token");
    }

    @Test
    void a_malformed_variable_is_reported_and_the_other_checks_still_run() {
        // given
        Map<String, String> env = healthyEnvironment();
        env.put("WORKER_CONCURRENCY", "many");
        // when
        int exitCode = doctor(env);
        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL Configuration: ")
                .contains("WORKER_CONCURRENCY")
                .contains("OK   Redis")
                .contains("OK   Slack");
    }

    @Test
    void channels_that_are_not_configured_are_skipped_not_failed() {
        // given
        Map<String, String> env = healthyEnvironment();
        env.keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("MICROSOFT_"));
        // when
        int exitCode = doctor(env);
        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("SKIP Slack: not configured").contains("SKIP Teams: no app credentials");
    }

    private int doctor(Map<String, String> env) {
        CommandLine cli = new CommandLine(new DoctorCommand(() -> new Environment(env)));
        cli.setOut(new PrintWriter(out));
        return cli.execute("--timeout", "20");
    }

    private Map<String, String> healthyEnvironment() {
        String registryUrl = registry.baseUri().toString();
        BotEnvironment env = BotEnvironment.of(model)
                .with(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-test",
                        "SLACK_SIGNING_SECRET",
                        "signing-secret",
                        "SLACK_API_URL",
                        slack.apiUrl().toString(),
                        "MICROSOFT_APP_ID",
                        "test-app-id",
                        "MICROSOFT_APP_PASSWORD",
                        "test-app-secret"));
        env.with("TEAMS_TOKEN_ENDPOINT", teams.baseUrl() + "/token");
        for (String variable : new String[] {
            "MAVEN_REPOSITORY_URL", "NPM_REGISTRY_URL", "PYPI_URL", "CRATES_URL", "NUGET_URL", "DEPS_DEV_URL"
        }) {
            env.with(variable, registryUrl);
        }
        return new HashMap<>(env.variables()); // each test may change its copy
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
