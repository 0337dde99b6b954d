package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.InquiryKind;
import com.architectbot.queue.Job;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackEventsTest {

    private final SlackHarness harness = new SlackHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void a_mention_in_a_thread_is_queued_for_that_thread_with_the_mention_stripped() {
        var response = harness.event("Ev1", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> How should we shard tenants?","ts":"1700000000.000200",\
                "thread_ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000200"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        Job job = harness.queue.jobs.getFirst();
        assertThat(job.inquiry().id().value()).isEqualTo("slack:Ev1");
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().text()).isEqualTo("How should we shard tenants?");
        assertThat(job.inquiry().user()).isEqualTo("U1");
        assertThat(job.inquiry().thread()).isEqualTo(new ThreadKey(Surface.SLACK, "T1", "C1", "1700000000.000100"));
        assertThat(job.replyTo().address())
                .containsEntry("team", "T1")
                .containsEntry("channel", "C1")
                .containsEntry("thread_ts", "1700000000.000100");
    }

    @Test
    void a_mention_outside_a_thread_starts_one_at_its_own_ts() {
        harness.event("Ev2", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> review our launch plan","ts":"1700000000.000300",\
                "channel":"C1","event_ts":"1700000000.000300"}""");

        assertThat(harness.queue.jobs).singleElement().satisfies(job -> {
            assertThat(job.inquiry().thread().thread()).isEqualTo("1700000000.000300");
            assertThat(job.replyTo().get("thread_ts")).isEqualTo("1700000000.000300");
        });
    }

    @Test
    void forget_said_in_a_thread_is_a_forget_for_that_thread() {
        harness.event("Ev3", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> forget","ts":"1.3","thread_ts":"1.1","channel":"C1"}""");

        assertThat(harness.queue.jobs).singleElement().satisfies(job -> {
            assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.FORGET);
            assertThat(job.inquiry().thread().thread()).isEqualTo("1.1");
        });
    }

    @Test
    void a_direct_message_is_a_consultation_keyed_by_its_dm_thread() {
        var response = harness.event("Ev4", """
                {"type":"message","channel_type":"im","user":"U1","text":"Is Redis enough for our job queue?",\
                "ts":"1700000001.000100","channel":"D1","event_ts":"1700000001.000100"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(harness.queue.jobs).singleElement().satisfies(job -> {
            assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
            assertThat(job.inquiry().text()).isEqualTo("Is Redis enough for our job queue?");
            assertThat(job.inquiry().thread()).isEqualTo(new ThreadKey(Surface.SLACK, "T1", "D1", "1700000001.000100"));
        });
    }

    @Test
    void a_message_in_an_assistant_thread_shows_thinking_and_asks_for_it_to_be_cleared() {
        harness.event("Ev5", """
                {"type":"message","channel_type":"im","user":"U1","text":"How do we roll out schema changes?",\
                "ts":"1700000002.000200","thread_ts":"1700000002.000100","channel":"D1"}""");

        assertThat(harness.queue.jobs).singleElement().satisfies(job -> {
            assertThat(job.inquiry().thread().thread()).isEqualTo("1700000002.000100");
            assertThat(SlackTargets.isAssistant(job.replyTo())).isTrue();
        });
        assertThat(harness.slack
                        .await("assistant.threads.setStatus", 1)
                        .getFirst()
                        .param("status"))
                .isEqualTo(SlackFeedback.THINKING_STATUS);
    }

    @Test
    void the_bots_own_messages_other_bots_edits_and_deletions_are_acked_and_ignored() {
        var own = harness.event("Ev6", """
                {"type":"message","channel_type":"im","user":"UBOT","bot_id":"BBOT","text":"an answer","ts":"1.6","channel":"D1"}""");
        var otherBot = harness.event("Ev7", """
                {"type":"message","channel_type":"im","bot_id":"BOTHER","text":"beep","ts":"1.7","channel":"D1"}""");
        var edit = harness.event("Ev8", """
                {"type":"message","subtype":"message_changed","channel_type":"im","channel":"D1","ts":"1.8",\
                "message":{"type":"message","user":"U1","text":"edited","ts":"1.5"},"previous_message":{"type":"message",\
                "user":"U1","text":"original","ts":"1.5"}}""");
        var deletion = harness.event("Ev9", """
                {"type":"message","subtype":"message_deleted","channel_type":"im","channel":"D1","ts":"1.9",\
                "deleted_ts":"1.5","previous_message":{"type":"message","user":"U1","text":"original","ts":"1.5"}}""");
        var botMention = harness.event("Ev10", """
                {"type":"app_mention","user":"U2","bot_id":"BOTHER","text":"<@UBOT> ping","ts":"1.10","channel":"C1"}""");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(otherBot.statusCode()).isEqualTo(200);
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(deletion.statusCode()).isEqualTo(200);
        assertThat(botMention.statusCode()).isEqualTo(200);
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void a_mention_and_its_channel_message_twin_give_one_job() {
        harness.event("Ev11", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> what about backups?","ts":"1.11","channel":"C1"}""");
        harness.event("Ev12", """
                {"type":"message","channel_type":"channel","user":"U1","text":"<@UBOT> what about backups?","ts":"1.11","channel":"C1"}""");

        assertThat(harness.queue.jobs)
                .singleElement()
                .satisfies(job -> assertThat(job.inquiry().id().value()).isEqualTo("slack:Ev11"));
    }

    @Test
    void the_same_event_delivered_three_times_carries_one_stable_inquiry_id() {
        String mention = """
                {"type":"app_mention","user":"U1","text":"<@UBOT> cache strategy?","ts":"1.13","channel":"C1"}""";

        harness.event("Ev13", mention);
        harness.event("Ev13", mention, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        harness.event("Ev13", mention, "X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout");

        // the queue answers an inquiry id once (RedisStreamQueue); here every delivery must carry the same id
        assertThat(harness.queue.jobs)
                .hasSize(3)
                .extracting(job -> job.inquiry().id().value())
                .containsOnly("slack:Ev13");
        assertThat(harness.queue.jobs)
                .extracting(job -> job.inquiry().thread())
                .containsOnly(harness.queue.jobs.getFirst().inquiry().thread());
    }

    @Test
    void an_event_without_a_handler_is_acked_so_slack_does_not_retry_it() {
        var response = harness.event("Ev14", """
                {"type":"reaction_added","user":"U1","reaction":"thumbsup","item":{"type":"message","channel":"C1","ts":"1.1"},"event_ts":"1.14"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void url_verification_answers_the_challenge() {
        var response = harness.postSigned(
                "{\"token\":\"legacy\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("abc123");
    }

    @Test
    void a_bad_signature_gets_401_and_queues_nothing() {
        String body = SlackHarness.envelope("Ev15", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> hi","ts":"1.15","channel":"C1"}""");
        String ts = String.valueOf(Instant.now().getEpochSecond());

        var response = harness.post(body, "application/json", ts, SlackHarness.sign("wrong-secret", ts, body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void a_body_changed_after_signing_gets_401() {
        String body = SlackHarness.envelope("Ev16", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> hi","ts":"1.16","channel":"C1"}""");
        String ts = String.valueOf(Instant.now().getEpochSecond());

        var response = harness.post(
                body.replace("hi", "ho"), "application/json", ts, SlackHarness.sign(SlackHarness.SECRET, ts, body));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_older_than_five_minutes_gets_401_even_when_correctly_signed() {
        String body = SlackHarness.envelope("Ev17", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> hi","ts":"1.17","channel":"C1"}""");
        String old = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());

        var response = harness.post(body, "application/json", old, SlackHarness.sign(SlackHarness.SECRET, old, body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void a_missing_signature_gets_401() {
        var response = harness.post("{}", "application/json", "", "");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void malformed_json_that_is_signed_gets_400_not_500() {
        assertThat(harness.postSigned("{\"type\":\"event_callback\",\"event\":{", "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(harness.postSigned("{\"type\":\"event_callback\"}", "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(harness.postSigned("[1,2]", "application/json").statusCode()).isEqualTo(400);
        assertThat(harness.postSigned("payload=%7Bnot-json", "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(400);
        assertThat(harness.postSigned("hello", "text/plain").statusCode()).isEqualTo(400);
    }
}
