package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.tenancy.RatedAnswer;
import com.architectbot.tenancy.Tenancy;
import com.architectbot.tenancy.TenantId;
import com.architectbot.tenancy.redis.RedisAnswerRatings;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.RedisContents;
import com.architectbot.testing.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Thumbs up and down in Slack, through the real bot on a Redis database of its own: the buttons under an answer,
 * signed clicks and comment submissions in, then what admins see ({@code usage}, {@code /metrics}), what a user
 * exports, and what {@code forget-me} and {@code erase-all-data} leave. And the attacker's clicks beside them.
 */
class SlackFeedbackEndToEndTest {

    private static final URI REDIS = TestRedis.uri().resolve("/12");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The model the bot is configured with by default: the one its answers are counted under. */
    private static final String MODEL = "gpt-4.1-mini";

    private RunningBot bot;
    private String model;

    @BeforeEach
    void start() {
        RedisContents.flush(REDIS);
        bot = new RunningBot(Map.of("REDIS_URL", REDIS.toString()));
        model = MODEL;
        bot.slack.admins("UADMIN");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    /** Asks in a new thread; returns the answer's last message's feedback buttons. */
    private JsonNode answeredButtons() throws Exception {
        String channel = unique("C");
        bot.slackEvent(unique("Ev"), RunningBot.mention(channel, "1700000000.000100", null, "Should we shard?"));
        var posts = bot.awaitSlackPosts(channel, "1700000000.000100", 1);
        JsonNode blocks = JSON.readTree(posts.getLast().param("blocks"));
        JsonNode last = blocks.get(blocks.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("context_actions");
        JsonNode buttons = last.path("elements").get(0);
        assertThat(buttons.path("type").asText()).isEqualTo("feedback_buttons");
        return buttons;
    }

    private static String up(JsonNode buttons) {
        return buttons.path("positive_button").path("value").asText();
    }

    private static String down(JsonNode buttons) {
        return buttons.path("negative_button").path("value").asText();
    }

    private static String click(String team, String user, String value) {
        ObjectNode payload = JSON.createObjectNode()
                .put("type", "block_actions")
                .put("api_app_id", "A1")
                .put("token", "legacy")
                .put("trigger_id", unique("trig-"));
        payload.putObject("team").put("id", team).put("domain", "acme");
        payload.putObject("user").put("id", user).put("team_id", team);
        payload.putObject("channel").put("id", "C1").put("name", "general");
        payload.putArray("actions")
                .addObject()
                .put("type", "feedback_buttons")
                .put("action_id", "answer_feedback")
                .put("block_id", "answer_feedback")
                .put("value", value)
                .put("action_ts", "1700000001.000100");
        return payload.toString();
    }

    private static String comment(String user, String metadata, String text) {
        ObjectNode payload = JSON.createObjectNode()
                .put("type", "view_submission")
                .put("api_app_id", "A1")
                .put("token", "legacy")
                .put("trigger_id", unique("trig-"));
        payload.putObject("team").put("id", FakeSlackApi.TEAM).put("domain", "acme");
        payload.putObject("user").put("id", user).put("team_id", FakeSlackApi.TEAM);
        ObjectNode view = payload.putObject("view")
                .put("id", "V1")
                .put("type", "modal")
                .put("callback_id", "answer_feedback_comment")
                .put("private_metadata", metadata);
        view.putObject("state")
                .putObject("values")
                .putObject("comment")
                .putObject("comment")
                .put("type", "plain_text_input")
                .put("value", text);
        return payload.toString();
    }

    private void rate(String user, String value) {
        assertThat(bot.slackInteraction(click(FakeSlackApi.TEAM, user, value)).statusCode())
                .isEqualTo(200);
    }

    private double counted(String rating) {
        String metrics = bot.metrics();
        String series = "architect_feedback_total{model=\"" + model + "\",rating=\"" + rating + "\"} ";
        return metrics.lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length())))
                .sum();
    }

    /** Runs a private {@code /architect} command and returns the text of its reply in the user's DM. */
    private String privately(String user, String command) {
        int before = bot.slack.calls("chat.postMessage").stream()
                .filter(call -> ("D" + user).equals(call.param("channel")))
                .toList()
                .size();
        bot.slashCommand("/architect", command, unique("C"), user);
        return bot.awaitSlackPosts("D" + user, null, before + 1).get(before).param("text");
    }

    private JsonNode export(String user) throws Exception {
        int uploads = uploads().size();
        privately(user, "export");
        Awaitility.await().atMost(RunningBot.WAIT).until(() -> uploads().size() > uploads);
        return JSON.readTree(uploads().getLast().body());
    }

    private List<FakeSlackApi.Call> uploads() {
        return bot.slack.calls().stream()
                .filter(call -> call.method().startsWith("upload/"))
                .toList();
    }

    @Test
    void every_answer_carries_thumbs_up_and_down_and_a_click_is_counted_and_shown_to_admins() throws Exception {
        // given
        JsonNode buttons = answeredButtons();
        // when
        rate("U1", up(buttons));
        rate("U2", down(buttons));
        // then
        assertThat(counted("up")).isEqualTo(1);
        assertThat(counted("down")).isEqualTo(1);
        assertThat(privately("UADMIN", "usage")).contains("Feedback (last 30 days)", model + ": 1 of 2 helpful (50%)");
    }

    @Test
    void a_thumbs_down_opens_the_comment_form_whose_comment_is_redacted_and_exported_to_its_author() throws Exception {
        // given
        JsonNode buttons = answeredButtons();
        String token = "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        // when
        rate("U2", down(buttons));
        var opened = bot.slack.await("views.open", 1).getFirst();
        JsonNode view = JSON.readTree(opened.param("view"));
        var submitted = bot.slackInteraction(comment(
                "U2", view.path("private_metadata").asText(), "It ignored our CI token " + token + " entirely"));
        // then
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(view.path("blocks").get(0).path("optional").asBoolean()).isTrue();
        JsonNode feedback = export("U2").path("feedback");
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).path("rating").asText()).isEqualTo("down");
        assertThat(feedback.get(0).path("comment").asText())
                .startsWith("It ignored our CI token [redacted")
                .doesNotContain(token);
        assertThat(counted("down")).isEqualTo(1); // the comment is the same rating, not another
    }

    @Test
    void forget_me_erases_the_users_feedback_and_erase_all_data_the_workspaces() throws Exception {
        // given
        JsonNode buttons = answeredButtons();
        rate("U1", up(buttons));
        rate("U2", down(buttons));
        // when
        privately("U2", "forget-me");
        // then
        assertThat(privately("UADMIN", "usage")).contains(model + ": 1 of 1 helpful (100%)");
        assertThat(privately("U2", "export")).contains("nothing to export");
        // when
        privately("UADMIN", "erase-all-data confirm");
        // then
        assertThat(privately("UADMIN", "usage")).contains("Feedback (last 30 days)", "no feedback yet");
    }

    @Test
    void a_replayed_click_counts_once_and_a_change_of_mind_replaces_the_rating() throws Exception {
        // given
        JsonNode buttons = answeredButtons();
        // when
        for (int i = 0; i < 3; i++) {
            rate("U1", up(buttons));
        }
        // then
        assertThat(counted("up")).isEqualTo(1);
        // when
        rate("U1", down(buttons));
        // then
        assertThat(privately("UADMIN", "usage")).contains(model + ": 0 of 1 helpful (0%)");
    }

    @Test
    void another_workspaces_answer_garbage_and_ratings_outside_the_set_record_nothing() throws Exception {
        // given: an answer this workspace got, and one another workspace got
        JsonNode buttons = answeredButtons();
        String inquiry = up(buttons).substring("up|".length());
        try (UnifiedJedis redis = RedisClient.create(REDIS)) {
            new RedisAnswerRatings(redis, Tenancy.RATINGS_KEPT, Clock.systemUTC())
                    .answered(
                            new TenantId(Surface.SLACK, "T-OTHER"),
                            new RatedAnswer("slack:EvOTHER1", MODEL, "UX", "C9:1.1", Instant.now()));
        }
        // when: a user of this workspace names the other workspace's answer
        var forged = bot.slackInteraction(click(FakeSlackApi.TEAM, "U9", "up|slack:EvOTHER1"));
        var garbage = List.of("up|../../etc/passwd", "up|", "meh|" + inquiry, "up|" + inquiry + "|x", "x".repeat(5000));
        for (String value : garbage) {
            rate("U1", value);
        }
        var badMetadata = bot.slackInteraction(comment("U1", "down|slack:" + "<script>", "hi"));
        // then
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(badMetadata.statusCode()).isEqualTo(200);
        assertThat(bot.slack.await("chat.postEphemeral", 1).getFirst().param("text"))
                .contains("too old to rate");
        assertThat(counted("up") + counted("down")).isZero();
        assertThat(bot.slack.calls("views.open")).isEmpty();
        assertThat(privately("UADMIN", "usage")).contains("no feedback yet");
    }

    @Test
    void a_megabyte_comment_is_kept_to_its_first_thousand_characters() throws Exception {
        // given
        JsonNode buttons = answeredButtons();
        rate("U3", down(buttons));
        // when
        var submitted = bot.slackInteraction(comment("U3", down(buttons), "y".repeat(1_000_000)));
        // then
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(export("U3").path("feedback").get(0).path("comment").asText())
                .hasSize(1_000);
    }
}
