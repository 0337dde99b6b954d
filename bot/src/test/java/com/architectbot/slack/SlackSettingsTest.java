package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import com.architectbot.tenancy.TenantEraser;
import com.architectbot.testing.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    private static SlackSettings from(Map<String, String> variables) {
        return SlackSettings.from(new Environment(variables));
    }

    @Test
    void without_a_bot_token_or_oauth_credentials_slack_is_off_and_the_channel_is_not_built() {
        SlackSettings settings = from(Map.of());

        assertThat(settings.enabled()).isFalse();
        try (var redis = TestRedis.client()) {
            assertThat(TestSlackChannel.create(settings, job -> true, redis, TenantEraser.NONE))
                    .isEmpty();
        }
    }

    @Test
    void a_bot_token_and_signing_secret_give_single_workspace_http_mode_with_defaults() {
        SlackSettings settings = from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s3cret"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.oauth()).isFalse();
        assertThat(settings.socketMode()).isFalse();
        assertThat(settings.apiUrl()).isEqualTo(URI.create(SlackSettings.DEFAULT_API_URL));
        assertThat(settings.socketConcurrency()).isEqualTo(SlackSettings.DEFAULT_SOCKET_CONCURRENCY);
        assertThat(settings.deliveryBudget()).isEqualTo(SlackSettings.DEFAULT_DELIVERY_BUDGET);
    }

    @Test
    void the_api_url_override_gets_its_trailing_slash() {
        SlackSettings settings = from(Map.of(
                "SLACK_APP_TOKEN",
                "xapp-1",
                "SLACK_BOT_TOKEN",
                "xoxb-1",
                "SLACK_API_URL",
                "https://slack-gov.com/api",
                "SLACK_HTTP_TIMEOUT_SECONDS",
                "3"));

        assertThat(settings.socketMode()).isTrue();
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://slack-gov.com/api/"));
        assertThat(settings.httpTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void secrets_never_appear_in_to_string() {
        SlackSettings settings = from(Map.of(
                "SLACK_CLIENT_ID",
                "123.456",
                "SLACK_CLIENT_SECRET",
                "client-secret-value",
                "SLACK_SIGNING_SECRET",
                "signing-secret-value",
                "SLACK_APP_TOKEN",
                "xapp-app-token-value"));

        assertThat(settings.toString())
                .contains("mode=oauth", "transport=socket-mode", "clientId=123.456")
                .doesNotContain("client-secret-value", "signing-secret-value", "xapp-app-token-value");
    }

    @Test
    void misconfigurations_fail_at_start_up_naming_the_variable_and_the_fix() {
        assertThatThrownBy(() -> from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .hasMessageContaining("SLACK_SIGNING_SECRET")
                .hasMessageContaining("SLACK_APP_TOKEN");
        assertThatThrownBy(() -> from(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-1",
                        "SLACK_SIGNING_SECRET",
                        "s",
                        "SLACK_CLIENT_ID",
                        "1",
                        "SLACK_CLIENT_SECRET",
                        "2")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> from(Map.of("SLACK_CLIENT_ID", "1", "SLACK_SIGNING_SECRET", "s")))
                .hasMessageContaining("SLACK_CLIENT_SECRET");
        assertThatThrownBy(() -> from(Map.of("SLACK_BOT_TOKEN", "xapp-oops", "SLACK_SIGNING_SECRET", "s")))
                .hasMessageContaining("SLACK_BOT_TOKEN does not start with xoxb-");
        assertThatThrownBy(() -> from(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-1",
                        "SLACK_SIGNING_SECRET",
                        "s",
                        "SLACK_API_URL",
                        "http://my_host/api")))
                .hasMessageContaining("SLACK_API_URL");
    }

    @Test
    void the_manifests_ask_for_exactly_the_scopes_an_oauth_install_requests() throws IOException {
        List<String> expected = Arrays.asList(SlackSettings.BOT_SCOPES.split(","));
        for (String name : List.of("manifest.yml", "manifest.socket-mode.yml")) {
            String manifest = Files.readString(repositoryRoot().resolve("deploy/slack/" + name));
            String bot = manifest.substring(manifest.indexOf("    bot:\n"), manifest.indexOf("settings:"));
            var scopes = Pattern.compile("- ([a-z_.:]+)")
                    .matcher(bot)
                    .results()
                    .map(m -> m.group(1))
                    .toList();

            assertThat(scopes).as(name).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void the_manifests_turn_interactivity_on_for_the_feedback_buttons_and_their_comment_form() throws IOException {
        for (String name : List.of("manifest.yml", "manifest.socket-mode.yml")) {
            String manifest = Files.readString(repositoryRoot().resolve("deploy/slack/" + name));
            String interactivity =
                    manifest.substring(manifest.indexOf("  interactivity:\n"), manifest.indexOf("  org_deploy"));

            assertThat(interactivity).as(name).contains("is_enabled: true").doesNotContain("is_enabled: false");
        }
        assertThat(Files.readString(repositoryRoot().resolve("deploy/slack/manifest.yml")))
                .contains("    request_url: https://architect-bot.example.com/slack/events\n  org_deploy");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no deploy/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @Test
    void the_bot_token_goes_with_a_download_only_to_slacks_file_hosts_over_https() {
        var hosts = from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"))
                .fileHosts();

        assertThat(hosts.refusalByName(URI.create("https://files.slack.com/files-pri/T1-F1/pom.xml")))
                .isEmpty();
        assertThat(hosts.refusalByName(URI.create("https://files.slack-gov.com/f")))
                .isEmpty();
        assertThat(hosts.refusalByName(URI.create("https://slack.com/api/"))).isEmpty();
        for (String hostile : List.of(
                "http://files.slack.com/f",
                "https://files.slack.com.evil.example/f",
                "https://evilslack.com/f",
                "https://user@files.slack.com/f",
                "file:///etc/passwd")) {
            assertThat(hosts.refusalByName(URI.create(hostile))).as(hostile).isPresent();
        }
    }

    @Test
    void a_response_url_is_used_only_on_slacks_hooks_host_over_https() {
        var hosts = from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"))
                .responseUrlHosts();

        assertThat(hosts.refusalByName(URI.create("https://hooks.slack.com/commands/T1/1/x")))
                .isEmpty();
        for (String hostile : List.of(
                "http://hooks.slack.com/commands/T1/1/x",
                "https://hooks.slack.com.evil.example/x",
                "https://files.slack.com/x",
                "https://attacker.example/steal")) {
            assertThat(hosts.refusalByName(URI.create(hostile))).as(hostile).isPresent();
        }
    }

    @Test
    void a_plain_http_api_url_allows_plain_http_to_that_host_only() {
        var settings = from(Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s", "SLACK_API_URL", "http://127.0.0.1:9/api/"));

        assertThat(settings.fileHosts().refusalByName(URI.create("http://127.0.0.1:9/download")))
                .isEmpty();
        assertThat(settings.responseUrlHosts().refusalByName(URI.create("http://127.0.0.1:9/hooks/x")))
                .isEmpty();
        assertThat(settings.fileHosts().refusalByName(URI.create("http://files.slack.com/f")))
                .isPresent();
        assertThat(settings.fileHosts().refusalByName(URI.create("http://127.0.0.2:9/download")))
                .isPresent();
    }
}
