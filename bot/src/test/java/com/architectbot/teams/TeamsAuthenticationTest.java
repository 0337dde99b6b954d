package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.testing.FakeBotConnector;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsAuthenticationTest {

    private final TeamsFixture teams = TeamsFixture.authenticated();

    @AfterEach
    void stop() {
        teams.close();
    }

    private int postSignedWith(String authorization) {
        String body = teams.personalMessage("1700000000200", "Hello").toString();
        return teams.post(body, authorization).statusCode();
    }

    private String bearer(Consumer<com.auth0.jwt.JWTCreator.Builder> customise) {
        return "Bearer " + teams.connector.token(customise);
    }

    @Test
    void token_signed_by_the_announced_key_is_accepted() {
        // when
        int status = postSignedWith(bearer(token -> {}));

        // then
        assertThat(status).isEqualTo(200);
        assertThat(teams.queue.jobs).hasSize(1);
    }

    @Test
    void replies_carry_the_bots_own_token_from_the_tenant_token_endpoint() {
        // given
        postSignedWith(bearer(token -> {}));

        // when
        teams.channel
                .forWorkers()
                .replier()
                .deliver(
                        teams.queue.onlyJob().replyTo(),
                        new Reply.Answer(TeamsReplierTest.ANSWER),
                        TestReplyParts.unrecorded());

        // then
        assertThat(teams.connector.activitiesOfType("message"))
                .singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer " + FakeBotConnector.BOT_TOKEN));
        assertThat(teams.connector.tokenRequests())
                .first()
                .asString()
                .contains(
                        "grant_type=client_credentials",
                        "client_id=app-id",
                        "scope=https%3A%2F%2Fapi.botframework.com%2F.default");
    }

    @Test
    void token_issued_by_the_bots_own_tenant_is_accepted() {
        // when
        int status = postSignedWith(
                bearer(token -> token.withIssuer("https://login.microsoftonline.com/" + TeamsFixture.TENANT + "/v2.0")
                        .withClaim("azp", TeamsFixture.ALLOWED_CALLER)));

        // then
        assertThat(status).isEqualTo(200);
    }

    @Test
    void forged_token_gets_401() {
        assertThat(postSignedWith("Bearer " + teams.connector.forgedToken(token -> {})))
                .isEqualTo(401);
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void expired_token_gets_401() {
        assertThat(postSignedWith(
                        bearer(token -> token.withIssuedAt(Instant.now().minusSeconds(7200))
                                .withNotBefore(Instant.now().minusSeconds(7200))
                                .withExpiresAt(Instant.now().minusSeconds(3600)))))
                .isEqualTo(401);
    }

    @Test
    void token_for_another_bot_gets_401() {
        assertThat(postSignedWith(bearer(token -> token.withAudience("someone-elses-app"))))
                .isEqualTo(401);
    }

    @Test
    void token_from_another_tenant_gets_401() {
        assertThat(postSignedWith(
                        bearer(token -> token.withIssuer("https://login.microsoftonline.com/other-tenant/v2.0"))))
                .isEqualTo(401);
    }

    @Test
    void token_for_another_service_url_gets_401() {
        assertThat(postSignedWith(bearer(token -> token.withClaim("serviceurl", "https://smba.example/"))))
                .isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer not.a.jwt", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearer a b"})
    void missing_or_malformed_authorization_gets_401(String authorization) {
        assertThat(postSignedWith(authorization.isEmpty() ? null : authorization))
                .isEqualTo(401);
        assertThat(teams.queue.jobs).isEmpty();
    }

    @Test
    void malformed_body_without_a_token_gets_401_not_parsed() {
        assertThat(teams.post("not json", null).statusCode()).isEqualTo(401);
    }
}
