package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.InquiryRules;
import com.architectbot.licence.manifest.ManifestResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {

    @Test
    void without_an_app_id_authentication_is_off() {
        assertThat(TeamsSettings.from(new Environment(Map.of())).authenticationEnabled())
                .isFalse();
    }

    @Test
    void single_tenant_bot_gets_its_tokens_and_keys_from_its_tenant() {
        // when
        TeamsSettings settings = TeamsSettings.from(new Environment(Map.of(
                "MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "s3cret", "MICROSOFT_APP_TENANT_ID", "t-1")));

        // then
        assertThat(settings.authenticationEnabled()).isTrue();
        assertThat(settings.tokenEndpoint()).hasToString("https://login.microsoftonline.com/t-1/oauth2/v2.0/token");
        assertThat(settings.tenantOpenIdMetadata())
                .hasToString("https://login.microsoftonline.com/t-1/v2.0/.well-known/openid-configuration");
        assertThat(settings.tenantIssuers())
                .containsExactly("https://sts.windows.net/t-1/", "https://login.microsoftonline.com/t-1/v2.0");
    }

    @Test
    void by_default_no_tenant_caller_is_allowed_and_only_the_real_connector_and_file_hosts_are() {
        TeamsSettings settings = TeamsSettings.from(new Environment(Map.of(
                "MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "s3cret", "MICROSOFT_APP_TENANT_ID", "t-1")));

        assertThat(settings.allowedCallers()).isEmpty();
        assertThat(settings.connectorHosts())
                .hasToString("[smba.trafficmanager.net, smba.infra.gcc.teams.microsoft.com, "
                        + "smba.infra.gov.teams.microsoft.us, smba.infra.dod.teams.microsoft.us, *.botframework.com, "
                        + "*.botframework.azure.us, *.botframework.azure.cn]");
        assertThat(settings.fileHosts())
                .hasToString("[*.sharepoint.com, *.sharepoint.us, *.sharepoint-mil.us, "
                        + "*.sharepoint.cn, onedrive.live.com, *.files.1drv.com]");
    }

    @Test
    void a_malformed_connector_host_fails_naming_the_variable() {
        assertThatThrownBy(() -> TeamsSettings.from(new Environment(Map.of("TEAMS_CONNECTOR_HOSTS", "https://x/y"))))
                .hasMessageStartingWith("TEAMS_CONNECTOR_HOSTS entry 'https://x/y' is not valid");
    }

    @Test
    void password_is_masked_in_the_logged_configuration() {
        TeamsSettings settings = TeamsSettings.from(
                new Environment(Map.of("MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "s3cret")));
        assertThat(settings.toString()).doesNotContain("s3cret").contains("****");
    }

    @Test
    void app_id_without_a_password_fails_naming_the_variable() {
        assertThatThrownBy(() -> TeamsSettings.from(new Environment(Map.of("MICROSOFT_APP_ID", "app"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MICROSOFT_APP_PASSWORD");
    }

    @Test
    void bad_override_url_fails_naming_the_variable() {
        assertThatThrownBy(() -> TeamsSettings.from(new Environment(Map.of("TEAMS_TOKEN_ENDPOINT", "not a url"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEAMS_TOKEN_ENDPOINT");
    }

    @Test
    void without_an_app_id_teams_stays_off_unless_the_emulator_mode_is_asked_for() {
        var queue = new TeamsFixture.RecordingQueue();
        var exports = new com.architectbot.teams.redis.RedisPendingExports(
                com.architectbot.testing.TestRedis.client(),
                TeamsSettings.DEFAULT_EXPORT_TTL,
                com.architectbot.testing.TestCipher.cipher(),
                java.time.Clock.systemUTC());

        assertThat(TeamsChannel.create(
                        TeamsSettings.from(new Environment(Map.of())),
                        queue,
                        new InquiryRules(ManifestResolver.names()),
                        exports,
                        AnswerActivities.NONE,
                        AnswerFeedback.NONE))
                .isEmpty();
        assertThat(TeamsChannel.create(
                        TeamsSettings.from(new Environment(Map.of("TEAMS_ENABLED", "true"))),
                        queue,
                        new InquiryRules(ManifestResolver.names()),
                        exports,
                        AnswerActivities.NONE,
                        AnswerFeedback.NONE))
                .hasValueSatisfying(channel ->
                        assertThat(channel.forWorkers().surface().id()).isEqualTo("teams"));
        assertThat(TeamsSettings.from(new Environment(Map.of("MICROSOFT_APP_ID", "app", "MICROSOFT_APP_PASSWORD", "p")))
                        .enabled())
                .isTrue();
    }
}
