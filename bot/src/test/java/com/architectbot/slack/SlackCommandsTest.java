package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.consultation.InquiryKind;
import com.architectbot.queue.Job;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackHarness harness = new SlackHarness();
    private final String channel = SlackHarness.uniqueChannel("C");

    @AfterEach
    void stop() {
        harness.close();
    }

    private String ackText(String command, String text) throws Exception {
        var response = harness.command(Map.of("command", command, "text", text, "channel_id", channel, "user_id", "U1"));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("text").asText();
    }

    @Test
    void architect_help_replies_with_the_help_text_and_queues_nothing() throws Exception {
        assertThat(ackText("/architect", "help")).contains("/license-check", "/architect forget");
        assertThat(ackText("/architect", "")).contains("/license-check");
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void an_unknown_subcommand_gets_the_help_text() throws Exception {
        assertThat(ackText("/architect", "forgett")).contains("I don't know `/architect forgett`", "/license-check");
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void a_question_is_acked_at_once_then_posted_as_a_quoted_thread_root_and_queued_for_that_thread() throws Exception {
        assertThat(ackText("/architect", "Should we go multi-region before launch?")).isEqualTo(SlackFeedback.COMMAND_ACK);

        Job job = harness.awaitJob(1);
        var root = harness.slack.onlyCall("chat.postMessage");
        assertThat(root.param("channel")).isEqualTo(channel);
        assertThat(root.param("thread_ts")).isNull();
        assertThat(root.param("text")).isEqualTo("<@U1> asked:\n> Should we go multi-region before launch?");
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().text()).isEqualTo("Should we go multi-region before launch?");
        assertThat(job.inquiry().id().value()).startsWith("slack:cmd:trig-");
        assertThat(job.inquiry().thread().channel()).isEqualTo(channel);
        assertThat(job.inquiry().thread().thread()).isEqualTo(job.replyTo().get("thread_ts")).startsWith("1700000100.");
    }

    @Test
    void license_check_with_a_coordinate_queues_a_licence_check_in_a_new_thread() throws Exception {
        String args = "pkg:maven/org.apache.commons/commons-lang3@3.14.0 --policy saas";

        assertThat(ackText("/license-check", args)).isEqualTo(SlackFeedback.LICENCE_ACK);

        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(job.inquiry().text()).isEqualTo(args);
        assertThat(harness.slack.onlyCall("chat.postMessage").param("text")).contains("asked for a licence check of", args);
    }

    @Test
    void a_channel_the_bot_cannot_post_in_gets_an_honest_ephemeral_answer() throws Exception {
        harness.slack.fail("chat.postMessage", "not_in_channel");

        ackText("/architect", "How do we version our API?");

        var followUp = harness.slack.await("response_url", 1).getFirst();
        assertThat(followUp.param("text")).contains("I can't post in this conversation", "/invite");
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void forget_forgets_the_thread_the_user_last_talked_to_the_bot_in_here() throws Exception {
        harness.event("EvF1", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> review our backups","ts":"1.2","thread_ts":"1.1","channel":"%s"}"""
                .formatted(channel));

        assertThat(ackText("/architect", "forget")).contains("Forgetting our latest conversation in here");

        Job forget = harness.queue.jobs.getLast();
        assertThat(forget.inquiry().kind()).isEqualTo(InquiryKind.FORGET);
        assertThat(forget.inquiry().thread()).isEqualTo(harness.queue.jobs.getFirst().inquiry().thread());
        assertThat(forget.replyTo().get("thread_ts")).isEqualTo("1.1");
    }

    @Test
    void forget_with_no_conversation_here_says_so() throws Exception {
        assertThat(ackText("/architect", "forget")).contains("I have no conversation with you in here to forget");
        assertThat(harness.queue.jobs).isEmpty();
    }
}
