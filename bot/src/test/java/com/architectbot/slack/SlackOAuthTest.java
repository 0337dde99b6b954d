package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.slack.redis.RedisInstallationService;
import com.architectbot.slack.redis.RedisOAuthStateService;
import com.architectbot.testing.TestCipher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackOAuthTest {

    private final SlackHarness harness = new SlackHarness(true);
    private final RedisInstallationService installations =
            new RedisInstallationService(harness.redis, TestCipher.cipher());

    @AfterEach
    void stop() {
        harness.redis.del(RedisInstallationService.PREFIX + "T9");
        harness.close();
    }

    /** Runs Slack's OAuth v2 flow against the fake: install page, state cookie, redirect with a code. */
    private void install() {
        var start = harness.get("/slack/install");
        assertThat(start.statusCode()).isEqualTo(200);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var state = Pattern.compile("state=([0-9a-f-]{36})")
                .matcher(URLDecoder.decode(start.body(), StandardCharsets.UTF_8));
        assertThat(state.find()).isTrue();
        assertThat(harness.redis.exists(RedisOAuthStateService.PREFIX + state.group(1)))
                .isTrue();

        var callback = harness.get("/slack/oauth_redirect?code=the-code&state=" + state.group(1), "Cookie", cookie);

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(harness.redis.exists(RedisOAuthStateService.PREFIX + state.group(1)))
                .isFalse(); // used once
    }

    @Test
    void an_oauth_install_stores_the_workspace_token_in_redis_and_the_replier_uses_it() {
        install();

        assertThat(harness.slack.onlyCall("oauth.v2.access").param("code")).isEqualTo("the-code");
        assertThat(installations.findBot(null, "T9").getBotAccessToken()).isEqualTo("xoxb-installed-token");
        assertThat(installations.findInstaller(null, "T9", "U9")).isNotNull();
        assertThat(harness.redis.hgetAll(RedisInstallationService.PREFIX + "T9"))
                .as("stored encrypted")
                .isNotEmpty()
                .allSatisfy((field, value) ->
                        assertThat(value).startsWith("enc:v1:").doesNotContain("xoxb-installed-token"));

        harness.channel
                .forWorkers()
                .replier()
                .deliver(
                        SlackTargets.thread("T9", "C1", "1.1"),
                        new Reply.Notice(Reply.Tone.INFO, "Hello."),
                        TestReplyParts.unrecorded());

        assertThat(harness.slack.onlyCall("chat.postMessage").token()).isEqualTo("xoxb-installed-token");
    }

    @Test
    void app_uninstalled_deletes_the_workspace_tokens() {
        install();

        var response = harness.postSigned(
                SlackHarness.envelopeWithoutAuthorizations(
                        "T9", "EvU1", "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.1\"}"),
                "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(installations.findBot(null, "T9")).isNull();
        assertThat(harness.redis.exists(RedisInstallationService.PREFIX + "T9")).isFalse();
        assertThatThrownBy(() -> harness.channel
                        .forWorkers()
                        .replier()
                        .deliver(
                                SlackTargets.thread("T9", "C1", "1.1"),
                                new Reply.Notice(Reply.Tone.INFO, "Hello."),
                                TestReplyParts.unrecorded()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no Slack installation for team T9");
    }

    @Test
    void tokens_revoked_for_the_bot_deletes_the_workspace_tokens() {
        install();

        var response = harness.postSigned(
                SlackHarness.envelopeWithoutAuthorizations(
                        "T9",
                        "EvR1",
                        "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT\"]},\"event_ts\":\"1.1\"}"),
                "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(installations.findBot(null, "T9")).isNull();
    }

    @Test
    void an_event_for_a_workspace_without_an_installation_is_refused() {
        var response = harness.event("EvX1", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> hi","ts":"1.1","channel":"C1"}""");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(harness.queue.jobs).isEmpty();
    }
}
