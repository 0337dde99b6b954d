package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.render.Labels;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.TeamsActivities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Teams through the real bot: activities signed by the Bot Connector's key in, proactive replies out to the
 * fake connector (with the bot's own token), Redis, workers and the fake model between.
 */
class TeamsEndToEndTest {

    private static final String BOT_NAME = "Architect Bot";
    private static final String CARD = "application/vnd.microsoft.card.adaptive";
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = new RunningBot();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void a_personal_chats_answer_streams_while_written_then_its_card_takes_the_streams_place() {
        String chat = unique("a:");
        bot.model.streamingAt(25); // a few seconds of writing, as a real model takes longer still
        try {
            bot.teamsActivity(bot.activities.personalMessage(unique("17"), chat, "How should we shard tenants?"));

            JsonNode answer = bot.awaitTeamsMessages(chat, 1).getFirst();
            List<FakeBotConnector.Call> sent = bot.connector.calls().stream()
                    .filter(c -> chat.equals(c.conversationId()))
                    .toList();
            assertThat(sent.stream()
                            .filter(c -> !c.streamInfo().isMissingNode())
                            .findFirst())
                    .hasValueSatisfying(first -> assertThat(
                                    first.streamInfo().path("streamType").asText())
                            .isEqualTo("streaming")); // the first words, with no status line before them
            assertThat(sent.stream()
                            .filter(c ->
                                    c.streamInfo().path("streamType").asText().equals("streaming"))
                            .map(c -> c.body().path("text").asText()))
                    .anySatisfy(text -> assertThat(text).contains("Ship it")); // the summary before the rest
            assertThat(sent.getLast().method()).isEqualTo("PUT"); // the card written over the streamed message
            assertThat(answer.at("/attachments/0/content/body").toString())
                    .contains(Labels.SUMMARY, Labels.QUESTIONS, "Should address before launch");
        } finally {
            bot.model.streamingFast();
        }
    }

    @Test
    void a_channel_mention_is_answered_in_its_reply_chain_with_a_card_holding_the_five_sections() {
        String root = unique("17");

        var response = bot.teamsActivity(bot.activities.channelMention(root, BOT_NAME, "How should we shard tenants?"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = bot.awaitTeamsMessages(chain(root), 1).getFirst();
        assertThat(answer.at("/attachments/0/contentType").asText()).isEqualTo(CARD);
        assertThat(answer.at("/attachments/0/content/body").toString())
                .contains(
                        Labels.SUMMARY,
                        Labels.CRITICAL_ISSUES,
                        Labels.ANALYSIS,
                        Labels.RECOMMENDATIONS,
                        Labels.QUESTIONS,
                        "Ship it behind a feature flag");
        assertThat(answer.at("/replyToId").asText()).isEqualTo(root);
        assertThat(bot.connector.tokenRequests()).isNotEmpty(); // the reply carried the bot's own token
    }

    @Test
    void a_second_mention_in_the_chain_sends_the_first_exchange_to_the_model() {
        String root = unique("17");
        bot.teamsActivity(bot.activities.channelMention(root, BOT_NAME, "Should we use Kafka for billing events?"));
        bot.awaitTeamsMessages(chain(root), 1);
        int asked = bot.model.requests().size();

        bot.teamsActivity(bot.activities.channelMention(unique("17"), root, BOT_NAME, "And for audit logs?"));

        bot.awaitTeamsMessages(chain(root), 2);
        assertThat(bot.model.requests().get(asked).get("messages").toString())
                .contains(
                        "Should we use Kafka for billing events?",
                        "Ship it behind a feature flag",
                        "And for audit logs?");
    }

    @Test
    void a_follow_up_button_on_the_answer_card_asks_its_question_in_the_reply_chain_as_the_clicker_once() {
        String root = unique("17");
        bot.teamsActivity(bot.activities.channelMention(root, BOT_NAME, "How should we shard tenants?"));
        JsonNode answer = bot.awaitTeamsMessages(chain(root), 1).getFirst();
        JsonNode button = answer.at("/attachments/0/content/actions/0");
        String question = FakeOpenAi.DEFAULT_ANSWER.questions().getFirst();
        assertThat(button.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(button.path("title").asText()).isEqualTo(question);
        int asked = bot.model.requests().size();
        // Teams sends the button's data back as the value of a message from the clicker, in the card's chain
        ObjectNode click = bot.activities.cardClick(unique("17"), chain(root), "channel", button.path("data"));

        var ack = bot.teamsActivity(click);
        var replay = bot.teamsActivity(click);

        assertThat(ack.statusCode()).isBetween(200, 299);
        assertThat(replay.statusCode()).isBetween(200, 299);
        JsonNode second = bot.awaitTeamsMessages(chain(root), 2).get(1);
        assertThat(second.at("/attachments/0/content/body").toString()).contains(Labels.SUMMARY);
        assertThat(second.at("/replyToId").asText()).isEqualTo(click.path("id").asText()); // the click, in the chain
        assertThat(bot.model.requests().get(asked).get("messages").toString())
                .contains("How should we shard tenants?", question);
        String later = unique("17");
        bot.teamsActivity(bot.activities.channelMention(later, BOT_NAME, "One more thing?"));
        bot.awaitTeamsMessages(chain(later), 1); // one worker: a replayed click, had it been queued, came first
        assertThat(bot.awaitTeamsMessages(chain(root), 2)).hasSize(2);
    }

    @Test
    void a_personal_chat_message_is_answered_in_the_chat() {
        String chat = unique("a:");

        bot.teamsActivity(bot.activities.personalMessage(unique("17"), chat, "Is Redis fine as our only state store?"));

        JsonNode answer = bot.awaitTeamsMessages(chat, 1).getFirst();
        assertThat(answer.at("/attachments/0/content/body").toString()).contains(Labels.SUMMARY);
    }

    @Test
    void license_check_answers_with_a_report_naming_the_licence_and_the_verdict() {
        String chat = unique("a:");

        bot.teamsActivity(bot.activities.personalMessage(
                unique("17"), chat, "license-check org.apache.commons:commons-lang3:3.14.0"));

        var cards = bot.awaitTeamsMessages(chat, 2); // the summary with what needs attention, then the full table
        assertThat(cards.getFirst().at("/attachments/0/content").toString()).contains("Licence check", "0 blocker");
        assertThat(cards.get(1).at("/attachments/0/content").toString())
                .contains("ok: pkg:maven/org.apache.commons/commons-lang3@3.14.0, Apache-2.0");
    }

    @Test
    void the_bot_added_to_a_chat_says_hello_with_examples() {
        String chat = unique("a:");

        var response = bot.teamsActivity(bot.activities.botAdded(chat, "personal"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode welcome = bot.awaitTeamsMessages(chat, 1).getFirst();
        assertThat(welcome.at("/attachments/0/content").toString())
                .contains("Hello, I'm Architect Bot", "license-check");
    }

    @Test
    void a_manifest_sent_in_a_personal_chat_is_checked() {
        String chat = unique("a:");
        String url = bot.connector.serveFile(
                "ok-pom.xml",
                "<project><modelVersion>4.0.0</modelVersion>"
                        + "<groupId>com.example</groupId><artifactId>app</artifactId><version>1.0</version></project>");

        bot.teamsActivity(withFile(bot.activities.personalMessage(unique("17"), chat, ""), url));

        assertThat(bot.awaitTeamsMessages(chat, 1).getFirst().toString()).contains("Licence check");
        assertThat(bot.connector.fileRequests()).contains("/v3/attachments/ok-pom.xml");
    }

    @Test
    void a_file_link_to_a_host_off_the_list_is_not_fetched_and_the_user_is_told_why() {
        String chat = unique("a:");
        // the same fake on this machine, named "localhost": not in TEAMS_FILE_HOSTS (only http://127.0.0.1 is)
        String url = bot.connector.serveFile("secret-pom.xml", "<project/>").replace("127.0.0.1", "localhost");

        bot.teamsActivity(withFile(bot.activities.personalMessage(unique("17"), chat, ""), url));

        assertThat(bot.awaitTeamsMessages(chat, 1).getFirst().toString())
                .contains("I only open files that Teams keeps in OneDrive or SharePoint");
        assertThat(bot.connector.fileRequests()).doesNotContain("/v3/attachments/secret-pom.xml");
    }

    private static ObjectNode withFile(ObjectNode message, String downloadUrl) {
        ObjectNode file = message.putArray("attachments")
                .addObject()
                .put("contentType", "application/vnd.microsoft.teams.file.download.info")
                .put("name", "pom.xml");
        file.putObject("content")
                .put("downloadUrl", downloadUrl)
                .put("uniqueId", "u-1")
                .put("fileType", "xml");
        return message;
    }

    private static String chain(String root) {
        return TeamsActivities.CHANNEL + ";messageid=" + root;
    }
}
