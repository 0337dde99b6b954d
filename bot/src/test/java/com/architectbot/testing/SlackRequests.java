package com.architectbot.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Requests as Slack sends them to {@code POST /slack/events}: Events API envelopes, signed with v0 HMAC. */
public final class SlackRequests {

    private SlackRequests() {}

    /** An Events API envelope around the event JSON, for team {@link FakeSlackApi#TEAM}. */
    public static String envelope(String eventId, String event) {
        return """
                {"token":"legacy","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"%s",\
                "event_time":1700000000,"authorizations":[{"enterprise_id":null,"team_id":"T1","user_id":"UBOT",\
                "is_bot":true,"is_enterprise_install":false}],"event":%s}""".formatted(eventId, event);
    }

    /** A POST signed now with the secret; {@code headers} are extra name, value pairs (X-Slack-Retry-Num). */
    public static HttpRequest signed(URI endpoint, String secret, String body, String contentType, String... headers) {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        var request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", sign(secret, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    /** Slack's v0 signature, computed independently of Bolt. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0="
                    + HexFormat.of()
                            .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A {@code block_actions} payload as Slack sends it when a user clicks a follow-up button under the bot's message
     * {@code messageTs} in thread {@code threadTs} (none when null); {@code valueJson} is the button's value as JSON
     * (a string, or anything an attacker puts there).
     */
    public static String followUpClick(
            String user, String channel, String threadTs, String messageTs, String actionTs, String valueJson) {
        String thread = threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"";
        return """
                {"type":"block_actions","user":{"id":"%1$s","username":"someone","name":"someone","team_id":"T1"},\
                "api_app_id":"A1","token":"legacy","trigger_id":"1.2.%5$s","team":{"id":"T1","domain":"acme"},\
                "container":{"type":"message","message_ts":"%4$s","channel_id":"%2$s","is_ephemeral":false%3$s},\
                "channel":{"id":"%2$s","name":"general"},\
                "message":{"type":"message","user":"%6$s","bot_id":"%7$s","text":"an answer","ts":"%4$s"%3$s},\
                "response_url":"https://hooks.slack.com/actions/T1/1/x",\
                "actions":[{"action_id":"follow_up_1","block_id":"follow_ups","type":"button",\
                "text":{"type":"plain_text","text":"a label"},"value":%8$s,"action_ts":"%5$s"}]}""".formatted(
                user, channel, thread, messageTs, actionTs, FakeSlackApi.BOT_USER, FakeSlackApi.BOT_ID, valueJson);
    }

    /** An interaction payload as the form body Slack posts it in. */
    public static String interactionForm(String payload) {
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }
}
