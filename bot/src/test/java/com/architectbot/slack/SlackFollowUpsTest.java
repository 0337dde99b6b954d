package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.InquiryKind;
import com.architectbot.queue.Job;
import com.architectbot.render.FollowUps;
import com.architectbot.testing.CapturedLogs;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.SlackRequests;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A click on a suggested follow-up, through the real Slack endpoint, signed as Slack signs it. */
class SlackFollowUpsTest {

    private static final String THREAD = "1700000000.000100";
    private static final String ANSWER_TS = "1700000000.000500";

    private final SlackHarness harness = new SlackHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private HttpResponse<String> click(String user, String channel, String threadTs, String actionTs, String value) {
        return clickRaw(
                user, channel, threadTs, actionTs, TextNode.valueOf(value).toString());
    }

    private HttpResponse<String> clickRaw(
            String user, String channel, String threadTs, String actionTs, String valueJson) {
        String payload = SlackRequests.followUpClick(user, channel, threadTs, ANSWER_TS, actionTs, valueJson);
        return harness.postSigned(SlackRequests.interactionForm(payload), "application/x-www-form-urlencoded");
    }

    /** Asks a later, harmless question and waits for it: anything the earlier click queued is queued by then. */
    private void afterward(int jobsBefore) {
        click("U9", "C9", THREAD, "1700000999.000001", "Anything else?");
        harness.awaitJob(jobsBefore + 1);
    }

    @Test
    void a_click_asks_its_question_in_the_answers_thread_as_the_user_who_clicked_and_the_thread_shows_it() {
        Instant before = Instant.now();

        var response = click("U2", "C1", THREAD, "1700000100.000001", "How many tenants do you expect?");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
        Job job = harness.queue.jobs.getFirst();
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().text()).isEqualTo("How many tenants do you expect?");
        assertThat(job.inquiry().user()).isEqualTo("U2");
        assertThat(job.inquiry().id().value()).isEqualTo("slack:click:C1:1700000100.000001");
        assertThat(job.inquiry().thread()).isEqualTo(new ThreadKey(Surface.SLACK, "T1", "C1", THREAD));
        assertThat(job.replyTo().address())
                .containsEntry("channel", "C1")
                .containsEntry("thread_ts", THREAD)
                .containsEntry(SlackTargets.ASKED_BY, "U2") // the worker shows who asked what (SlackReplierTest)
                .doesNotContainKey(SlackTargets.ASSISTANT);
        assertThat(harness.slack.calls("chat.postMessage")).isEmpty(); // nothing posted on the request thread
    }

    @Test
    void a_click_in_a_direct_message_asks_in_that_dm_thread() {
        click("U2", "D1", THREAD, "1700000100.000002", "Which region?");

        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().thread()).isEqualTo(new ThreadKey(Surface.SLACK, "T1", "D1", THREAD));
        assertThat(job.replyTo().get("channel")).isEqualTo("D1");
    }

    @Test
    void mention_and_link_syntax_in_a_value_is_the_users_text_and_is_shown_escaped() {
        String sneaky = "<!channel> <@U999> see <http://evil.example|here> & *bold*";

        click("U2", "C1", THREAD, "1700000100.000003", sneaky);

        assertThat(harness.awaitJob(1).inquiry().text()).isEqualTo(sneaky); // as if typed: the model reads it
        String shown = SlackFollowUps.asked("U2", sneaky); // what the worker shows in the thread
        assertThat(shown)
                .isEqualTo("<@U2> asked:\n> &lt;!channel&gt; &lt;@U999&gt; see &lt;http://evil.example|here&gt; "
                        + "&amp; *bold*")
                .doesNotContain("<!channel>", "<@U999>", "<http");
    }

    @Test
    void control_characters_in_a_value_do_not_reach_the_inquiry() {
        click("U2", "C1", THREAD, "1700000100.000004", "Which\u0000 region\u202e\u0007?\r\nReally");

        assertThat(harness.awaitJob(1).inquiry().text()).isEqualTo("Which region ? Really");
    }

    @Test
    void a_value_longer_than_any_button_carries_is_acked_and_ignored_with_a_log_line() {
        try (var logs = new CapturedLogs()) {
            var response = click("U2", "C1", THREAD, "1700000100.000005", "x".repeat(100 * 1024));

            assertThat(response.statusCode()).isEqualTo(200);
            afterward(0);
            assertThat(harness.queue.jobs).hasSize(1);
            assertThat(logs.text())
                    .contains("ignored a follow-up click", String.valueOf(FollowUps.MAX_QUESTION_CHARS))
                    .doesNotContain("xxxxxxxxxx");
        }
    }

    @Test
    void a_json_object_where_the_value_should_be_a_string_is_refused_without_a_stack_trace() {
        var response = clickRaw("U2", "C1", THREAD, "1700000100.000006", "{\"followUp\":{\"text\":\"usage\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "at com.");
        afterward(0);
        assertThat(harness.queue.jobs).hasSize(1);
    }

    @Test
    void a_click_on_a_message_that_is_not_the_bots_answer_in_a_thread_is_ignored() {
        String notOurs = SlackRequests.followUpClick(
                        "U2", "C1", THREAD, ANSWER_TS, "1700000100.000007", "\"Which region?\"")
                .replace("\"user\":\"" + FakeSlackApi.BOT_USER + "\"", "\"user\":\"U3\"");
        String notInAThread =
                SlackRequests.followUpClick("U2", "C1", null, ANSWER_TS, "1700000100.000008", "\"Which region?\"");
        String ephemeral = SlackRequests.followUpClick(
                        "U2", "C1", THREAD, ANSWER_TS, "1700000100.000009", "\"Which region?\"")
                .replace("\"is_ephemeral\":false", "\"is_ephemeral\":true");

        for (String payload : new String[] {notOurs, notInAThread, ephemeral}) {
            var response =
                    harness.postSigned(SlackRequests.interactionForm(payload), "application/x-www-form-urlencoded");
            assertThat(response.statusCode()).isEqualTo(200);
        }

        afterward(0);
        assertThat(harness.queue.jobs).hasSize(1);
        assertThat(harness.queue.jobs.getFirst().inquiry().user()).isEqualTo("U9");
    }

    @Test
    void a_replayed_click_carries_the_same_inquiry_id_so_the_queue_answers_it_once() {
        click("U2", "C1", THREAD, "1700000100.000010", "Which region?");
        click("U2", "C1", THREAD, "1700000100.000010", "Which region?");

        assertThat(harness.queue.jobs)
                .hasSize(2)
                .extracting(job -> job.inquiry().id().value())
                .containsOnly("slack:click:C1:1700000100.000010");
    }

    @Test
    void a_click_whose_question_reads_as_a_command_is_asked_as_a_question_and_runs_no_command() {
        click("U2", "C1", THREAD, "1700000100.000011", "forget");
        click("U2", "D1", THREAD, "1700000100.000012", "license-check left-pad lodash");

        harness.awaitJob(2);
        assertThat(harness.queue.jobs)
                .extracting(job -> job.inquiry().kind(), job -> job.inquiry().text())
                .containsExactly(
                        tuple(InquiryKind.CONSULTATION, "forget"),
                        tuple(InquiryKind.CONSULTATION, "license-check left-pad lodash"));
        assertThat(harness.slack.calls("chat.postEphemeral")).isEmpty();
    }

    @Test
    void an_unsigned_click_gets_401() {
        String payload =
                SlackRequests.followUpClick("U2", "C1", THREAD, ANSWER_TS, "1700000100.000012", "\"Which region?\"");
        String ts = String.valueOf(Instant.now().getEpochSecond());

        var response = harness.post(
                SlackRequests.interactionForm(payload),
                "application/x-www-form-urlencoded",
                ts,
                SlackHarness.sign("wrong-secret", ts, payload));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(harness.queue.jobs).isEmpty();
    }
}
