package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.Pictures;
import com.architectbot.testing.RedisContents;
import com.architectbot.testing.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A diagram sent with a question, through the real bot: it reaches the model as image content (the OpenAI wire's
 * {@code image_url} with a data URI), is never stored, and the thread remembers that it was shown; what only claims
 * to be a picture gets a message saying what to send.
 */
class PicturesEndToEndTest {

    private static final byte[] PNG = Pictures.png();
    private static final String PNG_DATA_URI =
            "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);

    /** A database of its own: a scan for the picture's bytes sees only what this bot stored. */
    private static final URI REDIS = TestRedis.uri().resolve("/12");

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        RedisContents.flush(REDIS);
        bot = new RunningBot(Map.of("REDIS_URL", REDIS.toString()));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void a_diagram_sent_with_a_slack_mention_reaches_the_model_as_an_image_and_is_never_stored() {
        String channel = unique("C");
        String thread = "1700000007.000100";

        mention(channel, thread, "1700000007.000200", "what breaks first?", shared("orders.png", PNG));

        assertThat(bot.awaitSlackPosts(channel, thread, 1).getFirst().param("blocks"))
                .contains("feature flag");
        JsonNode question = lastUserMessage(bot.model.lastRequest());
        assertThat(question.path("content").get(0).path("text").asText()).isEqualTo("what breaks first?");
        assertThat(question.path("content").get(1).at("/image_url/url").asText())
                .isEqualTo(PNG_DATA_URI);
        String stored = RedisContents.all(REDIS);
        assertThat(stored).contains("[shown: orders.png]");
        assertThat(stored).doesNotContain(PNG_DATA_URI.substring(40, 100));
    }

    @Test
    void a_follow_up_in_the_thread_knows_a_picture_was_shown_and_what_the_answer_said() {
        String channel = unique("C");
        String thread = "1700000008.000100";
        mention(channel, thread, "1700000008.000200", "review this", shared("orders.png", PNG));
        bot.awaitSlackPosts(channel, thread, 1);

        bot.slackEvent(
                unique("Ev"),
                RunningBot.mention(channel, "1700000008.000300", thread, "and the database in that diagram?"));

        bot.awaitSlackPosts(channel, thread, 2);
        JsonNode messages = bot.model.lastRequest().path("messages");
        assertThat(texts(messages, "user")).contains("review this\n[shown: orders.png]");
        assertThat(texts(messages, "assistant"))
                .anySatisfy(answer -> assertThat(answer).contains("feature flag"));
        assertThat(lastUserMessage(bot.model.lastRequest()).path("content").asText())
                .isEqualTo("and the database in that diagram?"); // the picture itself is not sent again
    }

    @Test
    void a_picture_alone_in_a_slack_dm_is_reviewed_and_a_pdf_is_sent_as_its_first_page() {
        String dm = unique("D");

        bot.slackEvent(unique("Ev"), """
                {"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"",\
                "files":[{"id":"%s","name":"design.pdf"}],"ts":"1700000009.000100","channel":"%s",\
                "event_ts":"1700000009.000100"}""".formatted(bot.slack.shareFile("design.pdf", Pictures.pdf(3)), dm));

        bot.awaitSlackPosts(dm, "1700000009.000100", 1);
        JsonNode question = lastUserMessage(bot.model.lastRequest());
        assertThat(question.path("content").get(0).path("text").asText())
                .isEqualTo("Review this architecture diagram.");
        assertThat(question.path("content").get(1).at("/image_url/url").asText())
                .startsWith("data:image/png;base64,");
    }

    @Test
    void a_page_named_png_gets_the_formats_read_and_no_model_call() {
        String channel = unique("C");
        String thread = "1700000010.000100";
        int asked = bot.model.received();

        mention(channel, thread, "1700000010.000200", "", shared("diagram.png", Pictures.html()));

        var notice = bot.awaitSlackPosts(channel, thread, 1).getFirst();
        assertThat(notice.param("text") + notice.param("blocks"))
                .contains("diagram.png is not an image I can read: send PNG, JPEG, WebP, GIF or PDF.");
        assertThat(bot.model.received()).isEqualTo(asked);
    }

    @Test
    void a_picture_over_five_mb_is_refused_before_it_is_downloaded() {
        String channel = unique("C");
        String thread = "1700000011.000100";
        byte[] huge = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        String file = shared("huge.png", huge);

        mention(channel, thread, "1700000011.000200", "", file);

        var notice = bot.awaitSlackPosts(channel, thread, 1).getFirst();
        assertThat(notice.param("text") + notice.param("blocks")).contains("huge.png is larger than 5 MB");
        assertThat(bot.slack.calls("download")).noneMatch(call -> file.contains("\"" + call.param("file") + "\""));
    }

    @Test
    void more_pictures_than_are_shown_are_left_out_and_the_answer_says_so() {
        String channel = unique("C");
        String thread = "1700000012.000100";
        String[] files = new String[6];
        for (int i = 0; i < files.length; i++) {
            files[i] = shared("shot-" + i + ".png", PNG);
        }

        mention(channel, thread, "1700000012.000200", "compare these", files);

        var answer = bot.awaitSlackPosts(channel, thread, 1).getFirst();
        assertThat(answer.param("blocks")).contains("I looked at the first 4 of the 6 pictures you sent");
        JsonNode content = lastUserMessage(bot.model.lastRequest()).path("content");
        assertThat(content).hasSize(5); // the text and four images
    }

    @Test
    void an_image_pasted_into_a_teams_personal_chat_reaches_the_model_fetched_with_the_bot_token() {
        String chat = unique("a:");
        ObjectNode message = bot.activities.personalMessage(unique("17"), chat, "is this design sound?");
        pasteImage(message, bot.connector.serveFile(unique("img-"), PNG));

        bot.teamsActivity(message);

        bot.awaitTeamsMessages(chat, 1);
        JsonNode question = lastUserMessage(bot.model.lastRequest());
        assertThat(question.path("content").get(0).path("text").asText()).isEqualTo("is this design sound?");
        assertThat(question.path("content").get(1).at("/image_url/url").asText())
                .isEqualTo(PNG_DATA_URI);
        assertThat(bot.connector.fileAuthorizations().getLast()).startsWith("Bearer ");
    }

    @Test
    void an_image_pasted_into_a_teams_group_chat_is_reviewed_too() {
        String chat = unique("19:group");
        ObjectNode message = bot.activities.personalMessage(unique("17"), chat, "");
        ((ObjectNode) message.get("conversation")).put("conversationType", "groupChat");
        pasteImage(message, bot.connector.serveFile(unique("img-"), PNG));

        bot.teamsActivity(message);

        bot.awaitTeamsMessages(chat, 1);
        JsonNode question = lastUserMessage(bot.model.lastRequest());
        assertThat(question.path("content").get(0).path("text").asText())
                .isEqualTo("Review this architecture diagram.");
        assertThat(question.path("content").get(1).at("/image_url/url").asText())
                .isEqualTo(PNG_DATA_URI);
    }

    @Test
    void an_image_pasted_with_a_mention_in_a_teams_channel_is_reviewed_too() {
        String root = unique("17");
        ObjectNode message = bot.activities.channelMention(root, "Architect", "what about this one?");
        pasteImage(message, bot.connector.serveFile(unique("img-"), PNG));
        int asked = bot.model.received();

        bot.teamsActivity(message);

        Awaitility.await("the model asked").atMost(RunningBot.WAIT).until(() -> bot.model.received() > asked);
        JsonNode question = lastUserMessage(bot.model.lastRequest());
        assertThat(question.path("content").get(0).path("text").asText()).isEqualTo("what about this one?");
        assertThat(question.path("content").get(1).at("/image_url/url").asText())
                .isEqualTo(PNG_DATA_URI);
    }

    @Test
    void a_picture_attached_as_a_file_in_a_teams_personal_chat_is_reviewed() {
        String chat = unique("a:");
        ObjectNode message = bot.activities.personalMessage(unique("17"), chat, "");
        ObjectNode file = message.putArray("attachments")
                .addObject()
                .put("contentType", "application/vnd.microsoft.teams.file.download.info")
                .put("name", "orders.png");
        file.putObject("content")
                .put("downloadUrl", bot.connector.serveFile(unique("orders-"), PNG))
                .put("uniqueId", "u-1")
                .put("fileType", "png");

        bot.teamsActivity(message);

        bot.awaitTeamsMessages(chat, 1);
        JsonNode question = lastUserMessage(bot.model.lastRequest());
        assertThat(question.path("content").get(0).path("text").asText())
                .isEqualTo("Review this architecture diagram.");
        assertThat(question.path("content").get(1).at("/image_url/url").asText())
                .isEqualTo(PNG_DATA_URI);
    }

    @Test
    void without_vision_the_user_is_told_to_describe_the_diagram_and_the_model_is_not_called() {
        URI redis = TestRedis.uri().resolve("/13");
        RedisContents.flush(redis);
        try (var blind = new RunningBot(Map.of("REDIS_URL", redis.toString(), "LLM_VISION", "false"))) {
            String channel = unique("C");
            String file = "{\"id\":\"%s\",\"name\":\"orders.png\"}".formatted(blind.slack.shareFile("orders.png", PNG));
            blind.slackEvent(unique("Ev"), """
                    {"type":"app_mention","user":"U1","text":"<@%s> review","files":[%s],\
                    "ts":"1700000013.000200","thread_ts":"1700000013.000100","channel":"%s",\
                    "event_ts":"1700000013.000200"}""".formatted(FakeSlackApi.BOT_USER, file, channel));

            var notice = blind.awaitSlackPosts(channel, "1700000013.000100", 1).getFirst();
            assertThat(notice.param("text") + notice.param("blocks"))
                    .contains("can't read images", "Describe the diagram in words", "a model that reads images");
            assertThat(blind.model.received()).isZero();
            assertThat(blind.slack.calls("files.info")).isEmpty(); // nor was the picture downloaded
        }
    }

    @Test
    void an_image_link_pasted_from_elsewhere_in_teams_is_not_fetched() {
        String chat = unique("a:");
        ObjectNode message = bot.activities.personalMessage(unique("17"), chat, "look");
        pasteImage(message, "http://169.254.169.254/latest/meta-data/iam");
        int asked = bot.model.received();
        int downloads = bot.connector.fileRequests().size();

        bot.teamsActivity(message);

        var notice = bot.awaitTeamsMessages(chat, 1).getFirst();
        assertThat(notice.toString()).contains("I only open pictures that Teams itself keeps");
        assertThat(bot.model.received()).isEqualTo(asked);
        assertThat(bot.connector.fileRequests()).hasSize(downloads);
    }

    /** A file shared on the fake Slack, as an event lists it. */
    private static String shared(String name, byte[] content) {
        return "{\"id\":\"%s\",\"name\":\"%s\"}".formatted(bot.slack.shareFile(name, content), name);
    }

    private static void mention(String channel, String thread, String ts, String text, String... sharedFiles) {
        String files = String.join(",", sharedFiles);
        bot.slackEvent(unique("Ev"), """
                {"type":"app_mention","user":"U1","text":"<@%s> %s","files":[%s],\
                "ts":"%s","thread_ts":"%s","channel":"%s","event_ts":"%s"}""".formatted(FakeSlackApi.BOT_USER, text, files, ts, thread, channel, ts));
    }

    private static void pasteImage(ObjectNode message, String contentUrl) {
        message.putArray("attachments")
                .addObject()
                .put("contentType", "image/*")
                .put("contentUrl", contentUrl);
    }

    private static JsonNode lastUserMessage(JsonNode request) {
        List<JsonNode> users = StreamSupport.stream(request.path("messages").spliterator(), false)
                .filter(m -> "user".equals(m.path("role").asText()))
                .toList();
        return users.getLast();
    }

    private static List<String> texts(JsonNode messages, String role) {
        return StreamSupport.stream(messages.spliterator(), false)
                .filter(m -> role.equals(m.path("role").asText()))
                .map(m -> m.path("content").asText())
                .toList();
    }
}
