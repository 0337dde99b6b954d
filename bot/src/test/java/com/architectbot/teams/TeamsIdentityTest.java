package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.testing.FakeBotConnector;
import com.auth0.jwt.JWTCreator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may speak to the bot, for which tenant, and where the bot's connector token may go: the attacker's
 * request next to the legitimate one, through {@code POST /api/messages}.
 */
class TeamsIdentityTest {

    private static final String TENANT_ISSUER = "https://login.microsoftonline.com/" + TeamsFixture.TENANT + "/v2.0";

    private final TeamsFixture teams = TeamsFixture.authenticated();
    /** A Bot Connector look-alike on a host that is not in TEAMS_CONNECTOR_HOSTS ("localhost", not 127.0.0.1). */
    private final FakeBotConnector foreign = FakeBotConnector.start();

    private final String foreignUrl = foreign.baseUrl().replace("127.0.0.1", "localhost");

    @AfterEach
    void stop() {
        teams.close();
        foreign.close();
    }

    private HttpResponse<String> post(ObjectNode activity, Consumer<JWTCreator.Builder> token) {
        return teams.post(activity.toString(), "Bearer " + teams.connector.token(token));
    }

    private static Consumer<JWTCreator.Builder> tenantToken(String caller) {
        return token -> token.withIssuer(TENANT_ISSUER).withClaim("azp", caller);
    }

    @Test
    void tenant_token_requested_by_an_app_not_allowed_gets_401() {
        HttpResponse<String> response = post(teams.personalMessage("1700000000301", "Hello"), tenantToken("evil-app"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception", "evil-app");
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void tenant_tokens_are_refused_while_no_caller_is_configured() {
        try (TeamsFixture defaults = TeamsFixture.authenticated(Map.of("TEAMS_ALLOWED_CALLERS", ""))) {
            HttpResponse<String> response = defaults.post(
                    defaults.personalMessage("1700000000312", "Hello").toString(),
                    "Bearer " + defaults.connector.token(tenantToken(TeamsFixture.ALLOWED_CALLER)));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(defaults.queue.jobs).isEmpty();
        }
    }

    @Test
    void tenant_token_naming_no_caller_gets_401() {
        assertThat(post(teams.personalMessage("1700000000302", "Hello"), token -> token.withIssuer(TENANT_ISSUER))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void v1_tenant_token_from_the_allowed_caller_is_accepted_by_its_appid() {
        HttpResponse<String> response = post(
                teams.personalMessage("1700000000303", "Hello"),
                token -> token.withIssuer("https://sts.windows.net/" + TeamsFixture.TENANT + "/")
                        .withClaim("appid", TeamsFixture.ALLOWED_CALLER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(teams.queue.onlyJob().inquiry().thread().tenant()).isEqualTo(TeamsFixture.TENANT);
    }

    @Test
    void tenant_token_without_a_service_url_claim_for_a_foreign_service_url_gets_401_and_the_foreign_host_nothing() {
        ObjectNode activity = teams.activitiesFrom(foreignUrl).personalMessage("1700000000304", "a:chat-2", "Hello");

        HttpResponse<String> response = post(
                activity,
                tenantToken(TeamsFixture.ALLOWED_CALLER)
                        .andThen(token -> token.withClaim("serviceurl", (String) null)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(teams.queue.jobs).isEmpty();
        assertThat(foreign.calls()).isEmpty();
        assertThat(teams.connector.calls()).isEmpty();
    }

    @Test
    void tenant_token_without_a_service_url_claim_for_an_allowed_connector_is_accepted() {
        HttpResponse<String> response = post(
                teams.personalMessage("1700000000305", "Hello"),
                tenantToken(TeamsFixture.ALLOWED_CALLER)
                        .andThen(token -> token.withClaim("serviceurl", (String) null)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(teams.connector.awaitActivitiesOfType("typing", 1))
                .singleElement()
                .satisfies(
                        typing -> assertThat(typing.authorization()).isEqualTo("Bearer " + FakeBotConnector.BOT_TOKEN));
    }

    @Test
    void connector_token_for_a_service_url_outside_the_allow_list_gets_401_even_when_the_claim_matches() {
        ObjectNode activity = teams.activitiesFrom(foreignUrl).personalMessage("1700000000306", "a:chat-2", "Hello");

        HttpResponse<String> response = post(activity, token -> token.withClaim("serviceurl", foreignUrl));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(foreign.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack", "emulator", "webchat", "MSTEAMS"})
    void channels_other_than_teams_get_403(String channelId) {
        ObjectNode activity = teams.personalMessage("1700000000307", "Hello").put("channelId", channelId);

        HttpResponse<String> response = post(activity, token -> {});

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void channel_data_speaking_for_another_tenant_than_the_token_gets_403() {
        ObjectNode activity = teams.channelMention("1700000000308", "Architect Bot", "usage");
        activity.withObjectProperty("channelData").withObjectProperty("tenant").put("id", "other-tenant");
        activity.withObjectProperty("conversation").put("tenantId", "other-tenant");

        HttpResponse<String> response = post(activity, tenantToken(TeamsFixture.ALLOWED_CALLER));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void channel_data_and_conversation_naming_different_tenants_get_403() {
        ObjectNode activity = teams.channelMention("1700000000309", "Architect Bot", "usage");
        activity.withObjectProperty("conversation").put("tenantId", "other-tenant");

        assertThat(post(activity, token -> {}).statusCode()).isEqualTo(403);
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void the_tenant_of_a_connector_signed_activity_is_the_one_teams_put_in_channel_data() {
        ObjectNode activity = teams.channelMention("1700000000310", "Architect Bot", "How do we shard?");
        activity.withObjectProperty("conversation").remove("tenantId");

        assertThat(post(activity, token -> {}).statusCode()).isEqualTo(200);

        assertThat(teams.queue.onlyJob().inquiry().thread().tenant()).isEqualTo(TeamsFixture.TENANT);
    }

    @Test
    void a_stored_reply_address_on_a_foreign_host_never_receives_the_connector_token() {
        post(teams.personalMessage("1700000000311", "Hello"), token -> {});
        ReplyTarget stored = teams.queue.onlyJob().replyTo();
        String tampered = stored.get(ReplyAddresses.REFERENCE).replace(teams.connector.baseUrl(), foreignUrl);
        ReplyTarget target = new ReplyTarget(Surface.TEAMS, Map.of(ReplyAddresses.REFERENCE, tampered));

        assertThatThrownBy(() -> teams.channel
                        .forWorkers()
                        .replier()
                        .deliver(target, new Reply.Answer(TeamsReplierTest.ANSWER), TestReplyParts.unrecorded()))
                .hasStackTraceContaining(
                        "refused to send the connector token: host localhost is not in TEAMS_CONNECTOR_HOSTS");

        assertThat(foreign.calls()).isEmpty();
    }
}
