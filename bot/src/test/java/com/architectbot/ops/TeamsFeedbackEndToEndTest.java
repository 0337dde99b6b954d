package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.teams.redis.RedisAnswerActivities;
import com.architectbot.tenancy.AnswerRating;
import com.architectbot.tenancy.Tenancy;
import com.architectbot.tenancy.TenantId;
import com.architectbot.tenancy.redis.RedisAnswerRatings;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.RedisContents;
import com.architectbot.testing.TeamsActivities;
import com.architectbot.testing.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Teams' feedback loop through the real bot on a Redis database of its own: answers ask for it, a click arrives as
 * a signed {@code message/submitAction} invoke naming the rated message, and admins see it in {@code usage} and
 * {@code /metrics}; {@code forget-me} and {@code erase-all-data} erase it. And the attacker's invokes beside them.
 */
class TeamsFeedbackEndToEndTest {

    private static final URI REDIS = TestRedis.uri().resolve("/13");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "gpt-4.1-mini";
    private static final String ADMIN_AAD = "aad-admin";

    private RunningBot bot;

    @BeforeEach
    void start() {
        RedisContents.flush(REDIS);
        bot = new RunningBot(Map.of("REDIS_URL", REDIS.toString(), "TEAMS_ADMIN_IDS", ADMIN_AAD));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private record Answer(String chat, String activityId, JsonNode body) {}

    /**
     * Asks in a new personal chat; returns the answer as it reads when finished (streamed, then its card written over
     * the stream's message) and the id the connector gave that message.
     */
    private Answer answered() {
        String chat = unique("a:");
        bot.teamsActivity(bot.activities.personalMessage(unique("17"), chat, "Should we shard?"));
        JsonNode finished = bot.awaitTeamsMessages(chat, 1).getFirst();
        FakeBotConnector.Call call = bot.connector.activitiesOfType("message").stream()
                .filter(c -> chat.equals(c.conversationId()))
                .findFirst()
                .orElseThrow();
        String id = bot.connector.idOf(call);
        // the bot remembers the id once Bot Connector has answered the send: as a user's click, wait for that
        try (UnifiedJedis redis = RedisClient.create(REDIS)) {
            var activities = new RedisAnswerActivities(redis, Tenancy.RATINGS_KEPT, Clock.systemUTC());
            Awaitility.await("the answer's activity id remembered")
                    .atMost(RunningBot.WAIT)
                    .until(() -> activities
                            .inquiryOf(TeamsActivities.TENANT, chat, id)
                            .isPresent());
        }
        return new Answer(chat, id, finished);
    }

    private ObjectNode feedback(String chat, String user, String replyToId, String reaction, String feedbackJson) {
        ObjectNode invoke = bot.activities.personalMessage(unique("f:"), chat, "");
        invoke.put("type", "invoke").put("name", "message/submitAction").put("replyToId", replyToId);
        invoke.remove("text");
        ((ObjectNode) invoke.get("from")).put("id", user).put("aadObjectId", "aad-" + user);
        ObjectNode value = invoke.putObject("value").put("actionName", "feedback");
        ObjectNode action = value.putObject("actionValue").put("reaction", reaction);
        if (feedbackJson != null) {
            action.put("feedback", feedbackJson);
        }
        return invoke;
    }

    private HttpResponse<String> rate(Answer answer, String user, String reaction) {
        return bot.teamsActivity(feedback(answer.chat(), user, answer.activityId(), reaction, null));
    }

    private double counted(String rating) {
        String series = "architect_feedback_total{model=\"" + MODEL + "\",rating=\"" + rating + "\"} ";
        return bot.metrics()
                .lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length())))
                .sum();
    }

    /** Sends a command as this user in a personal chat of their own; returns the reply's JSON as text. */
    private String command(String user, String aad, String text) {
        String chat = unique("a:");
        ObjectNode message = bot.activities.personalMessage(unique("17"), chat, text);
        ((ObjectNode) message.get("from")).put("id", user).put("aadObjectId", aad);
        bot.teamsActivity(message);
        return bot.awaitTeamsMessages(chat, 1).getFirst().toString();
    }

    private String usage() {
        return command("29:admin", ADMIN_AAD, "usage");
    }

    private List<AnswerRating> stored(String user) {
        try (UnifiedJedis redis = RedisClient.create(REDIS)) {
            return new RedisAnswerRatings(redis, Tenancy.RATINGS_KEPT, Clock.systemUTC())
                    .of(new TenantId(Surface.TEAMS, TeamsActivities.TENANT), user);
        }
    }

    @Test
    void answers_ask_for_the_feedback_loop_and_a_click_is_counted_and_shown_to_admins() {
        // given
        Answer answer = answered();
        // when
        var liked = rate(answer, "29:user-1", "like");
        var disliked = bot.teamsActivity(feedback(
                answer.chat(), "29:user-2", answer.activityId(), "dislike", "{\"feedbackText\":\"too vague\"}"));
        // then
        assertThat(answer.body().at("/channelData/feedbackLoopEnabled").asBoolean())
                .isTrue();
        assertThat(liked.statusCode()).isEqualTo(200);
        assertThat(disliked.statusCode()).isEqualTo(200);
        assertThat(counted("up")).isEqualTo(1);
        assertThat(counted("down")).isEqualTo(1);
        assertThat(usage()).contains("Feedback (last 30 days)", MODEL + ": 1 of 2 helpful (50%)");
        assertThat(stored("29:user-2"))
                .singleElement()
                .satisfies(rating -> assertThat(rating.comment()).contains("too vague"));
    }

    @Test
    void forget_me_erases_the_users_feedback_and_erase_all_data_the_tenants() {
        // given
        Answer answer = answered();
        rate(answer, "29:user-1", "like");
        rate(answer, "29:user-2", "dislike");
        // when
        command("29:user-2", "aad-29:user-2", "forget-me");
        // then
        assertThat(stored("29:user-2")).isEmpty();
        assertThat(usage()).contains(MODEL + ": 1 of 1 helpful (100%)");
        // when
        command("29:admin", ADMIN_AAD, "erase-all-data confirm");
        // then
        assertThat(usage()).contains("Feedback (last 30 days)", "no feedback yet");
        assertThat(rate(answer, "29:user-1", "like").statusCode()).isEqualTo(200); // the message is forgotten too
        assertThat(stored("29:user-1")).isEmpty();
    }

    @Test
    void a_replayed_click_counts_once_and_a_changed_one_replaces_the_rating() {
        // given
        Answer answer = answered();
        // when
        for (int i = 0; i < 3; i++) {
            assertThat(rate(answer, "29:user-1", "like").statusCode()).isEqualTo(200);
        }
        // then
        assertThat(counted("up")).isEqualTo(1);
        // when
        rate(answer, "29:user-1", "dislike");
        // then
        assertThat(usage()).contains(MODEL + ": 0 of 1 helpful (0%)");
    }

    @Test
    void an_unknown_message_another_conversations_and_a_reaction_outside_the_set_record_nothing() {
        // given
        Answer answer = answered();
        // when
        var never = bot.teamsActivity(feedback(answer.chat(), "29:user-1", "reply-999999", "like", null));
        var elsewhere = bot.teamsActivity(feedback(unique("a:"), "29:user-1", answer.activityId(), "like", null));
        var love = rate(answer, "29:user-1", "love");
        var none = bot.teamsActivity(feedback(answer.chat(), "29:user-1", null, "like", null));
        // then
        assertThat(never.statusCode()).isEqualTo(200);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(love.statusCode()).isEqualTo(400);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(counted("up") + counted("down")).isZero();
        assertThat(stored("29:user-1")).isEmpty();
    }

    @Test
    void a_comment_holding_a_secret_is_redacted_and_a_megabyte_one_capped() throws Exception {
        // given
        Answer answer = answered();
        String token = "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        String secret = JSON.createObjectNode()
                .put("feedbackText", "it ignored our token " + token)
                .toString();
        String huge = JSON.createObjectNode()
                .put("feedbackText", "z".repeat(1_000_000))
                .toString();
        // when
        var first = bot.teamsActivity(feedback(answer.chat(), "29:user-1", answer.activityId(), "dislike", secret));
        var second = bot.teamsActivity(feedback(answer.chat(), "29:user-2", answer.activityId(), "dislike", huge));
        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(stored("29:user-1").getFirst().comment().orElseThrow())
                .startsWith("it ignored our token [redacted")
                .doesNotContain(token);
        assertThat(stored("29:user-2").getFirst().comment().orElseThrow()).hasSize(1_000);
    }
}
