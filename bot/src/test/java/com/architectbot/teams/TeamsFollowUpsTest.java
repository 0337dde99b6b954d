package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.InquiryKind;
import com.architectbot.queue.Job;
import com.architectbot.render.FollowUps;
import com.architectbot.testing.CapturedLogs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A click on a suggested follow-up under a Teams answer, through the messaging endpoint. */
class TeamsFollowUpsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAIN = TeamsFixture.CHANNEL + ";messageid=1700000000100";

    private final TeamsFixture teams = TeamsFixture.unauthenticated();

    @AfterEach
    void stop() {
        teams.close();
    }

    private static ObjectNode followUp(String question) {
        return JSON.createObjectNode().put("followUp", question);
    }

    @Test
    void a_click_in_a_channel_asks_in_the_cards_reply_chain_as_the_clicker_without_a_mention() {
        var response = teams.post(teams.cardClick("1700000000201", CHAIN, "channel", followUp("Which region?")));

        assertThat(response.statusCode()).isBetween(200, 299);
        Job job = teams.queue.jobs.getFirst();
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().text()).isEqualTo("Which region?");
        assertThat(job.inquiry().user()).isEqualTo("29:user-2");
        assertThat(job.inquiry().thread())
                .isEqualTo(new ThreadKey(Surface.TEAMS, TeamsFixture.TENANT, TeamsFixture.CHANNEL, "1700000000100"));
        assertThat(job.replyTo().get(ReplyAddresses.REFERENCE)).contains(CHAIN);
    }

    @Test
    void a_click_in_a_personal_chat_asks_in_that_chat() {
        teams.post(teams.cardClick("1700000000202", "a:personal-chat-1", "personal", followUp("Which region?")));

        assertThat(teams.queue.jobs)
                .singleElement()
                .satisfies(job -> assertThat(job.inquiry().thread())
                        .isEqualTo(new ThreadKey(
                                Surface.TEAMS, TeamsFixture.TENANT, "a:personal-chat-1", TeamsInquiries.WHOLE_CHAT)));
    }

    @Test
    void the_messageback_echo_teams_adds_beside_the_question_is_accepted() {
        ObjectNode value = followUp("Which region?");
        value.putObject("msteams").put("type", "messageBack").put("displayText", "Which region?");

        teams.post(teams.cardClick("1700000000203", CHAIN, "channel", value));

        assertThat(teams.queue.jobs)
                .singleElement()
                .satisfies(job -> assertThat(job.inquiry().text()).isEqualTo("Which region?"));
    }

    @Test
    void values_of_any_other_shape_are_ignored_with_a_log_line_and_no_reply() {
        List<JsonNode> hostile = List.of(
                TextNode.valueOf("Which region?"),
                JSON.createArrayNode().add("Which region?"),
                JSON.createObjectNode().put("question", "Which region?"),
                JSON.createObjectNode().set("followUp", followUp("usage")),
                followUp("x".repeat(100 * 1024)),
                followUp(" \u0000\u0007 "));

        try (var logs = new CapturedLogs()) {
            for (int i = 0; i < hostile.size(); i++) {
                var response = teams.post(teams.cardClick("17000000003" + i, CHAIN, "channel", hostile.get(i)));

                assertThat(response.statusCode()).as("value %s", i).isBetween(200, 299);
                assertThat(response.body()).doesNotContain("Exception");
            }

            assertThat(teams.queue.jobs).isEmpty();
            assertThat(teams.connector.activitiesOfType("message")).isEmpty();
            assertThat(logs.text())
                    .contains("its value is not a follow-up question of at most " + FollowUps.MAX_QUESTION_CHARS)
                    .doesNotContain("xxxxxxxxxx");
        }
    }

    @Test
    void control_characters_and_mention_tags_in_a_question_stay_the_users_plain_text() {
        teams.post(teams.cardClick(
                "1700000000204", CHAIN, "channel", followUp("<at>Everyone</at>\u0000 which\u202e region?\r\n")));

        assertThat(teams.queue.jobs)
                .singleElement()
                .satisfies(job -> assertThat(job.inquiry().text()).isEqualTo("<at>Everyone</at> which region?"));
    }

    @Test
    void a_click_whose_question_reads_as_a_command_is_asked_as_a_question_and_runs_no_command() {
        teams.post(teams.cardClick("1700000000205", "a:personal-chat-1", "personal", followUp("forget")));
        teams.post(teams.cardClick("1700000000206", "a:personal-chat-1", "personal", followUp("export")));

        assertThat(teams.queue.jobs)
                .extracting(job -> job.inquiry().kind(), job -> job.inquiry().text())
                .containsExactly(tuple(InquiryKind.CONSULTATION, "forget"), tuple(InquiryKind.CONSULTATION, "export"));
        assertThat(teams.connector.activitiesOfType("message")).isEmpty();
    }

    @Test
    void a_replayed_click_carries_the_same_inquiry_id_so_the_queue_answers_it_once() {
        var click = teams.cardClick("1700000000206", CHAIN, "channel", followUp("Which region?"));

        teams.post(click);
        teams.post(click);

        assertThat(teams.queue.jobs)
                .hasSize(2)
                .extracting(job -> job.inquiry().id())
                .containsOnly(teams.queue.jobs.getFirst().inquiry().id());
    }
}
