package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.render.Labels;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.SlackRequests;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slack through the real bot: signed requests in, Web API calls out, Redis, workers and the fake model between. */
class SlackEndToEndTest {

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
    void a_mention_is_answered_in_its_thread_with_the_five_headed_sections() {
        String channel = unique("C");

        var ack = bot.slackEvent(
                unique("Ev"), RunningBot.mention(channel, "1700000000.000100", null, "How should we shard tenants?"));

        assertThat(ack.statusCode()).isEqualTo(200);
        var answer = bot.awaitSlackPosts(channel, "1700000000.000100", 1).getFirst();
        assertThat(answer.token()).isEqualTo(RunningBot.BOT_TOKEN);
        assertThat(answer.param("blocks"))
                .contains(
                        Labels.SUMMARY,
                        Labels.CRITICAL_ISSUES,
                        Labels.ANALYSIS,
                        Labels.RECOMMENDATIONS,
                        Labels.QUESTIONS,
                        "Ship it behind a feature flag");
    }

    @Test
    void a_mentions_answer_streams_into_its_thread_while_written_then_the_whole_answer_is_written_over_it() {
        String channel = unique("C");
        bot.model.streamingAt(25); // a few seconds of writing, as a real model takes longer still
        try {
            bot.slackEvent(
                    unique("Ev"),
                    RunningBot.mention(channel, "1700000011.000100", null, "How should we shard tenants?"));

            var answer = bot.awaitSlackPosts(channel, "1700000011.000100", 1).getFirst();
            List<String> steps = bot.slack.calls().stream()
                    .filter(c -> c.method().startsWith("chat.") && channel.equals(c.param("channel")))
                    .map(c -> c.method()
                            + (String.valueOf(c.param("markdown_text")).contains("Ship") ? "+summary" : ""))
                    .toList();
            // the stream opens with the summary's first words, grows while the model writes, then the answer replaces
            // it
            assertThat(steps.getFirst()).startsWith("chat.startStream");
            assertThat(steps.subList(0, steps.indexOf("chat.stopStream")))
                    .anySatisfy(step -> assertThat(step).endsWith("+summary"));
            assertThat(steps.getLast()).isEqualTo("chat.update");
            assertThat(answer.param("blocks"))
                    .contains(Labels.SUMMARY, Labels.QUESTIONS, "Should address before launch");
        } finally {
            bot.model.streamingFast();
        }
    }

    @Test
    void a_second_mention_in_the_thread_sends_the_first_exchange_to_the_model() {
        String channel = unique("C");
        bot.slackEvent(
                unique("Ev"),
                RunningBot.mention(channel, "1700000000.000200", null, "Should we use Kafka for billing events?"));
        bot.awaitSlackPosts(channel, "1700000000.000200", 1);
        int asked = bot.model.requests().size();

        bot.slackEvent(
                unique("Ev"),
                RunningBot.mention(channel, "1700000000.000300", "1700000000.000200", "And for audit logs?"));

        bot.awaitSlackPosts(channel, "1700000000.000200", 2);
        String followUp = bot.model.requests().get(asked).get("messages").toString();
        assertThat(followUp)
                .contains(
                        "Should we use Kafka for billing events?",
                        "Ship it behind a feature flag",
                        "And for audit logs?");
    }

    @Test
    void a_direct_message_is_answered_in_the_dm() {
        String dm = unique("D");

        bot.slackEvent(unique("Ev"), """
                {"type":"message","channel_type":"im","user":"U1","text":"Is Redis enough for our job queue?",\
                "ts":"1700000001.000100","channel":"%s","event_ts":"1700000001.000100"}""".formatted(dm));

        var answer = bot.awaitSlackPosts(dm, "1700000001.000100", 1).getFirst();
        assertThat(answer.param("blocks")).contains(Labels.SUMMARY);
    }

    @Test
    void license_check_posts_a_report_naming_the_licence_and_the_verdict_in_a_thread_of_its_own() {
        String channel = unique("C");

        var ack = bot.slashCommand("/license-check", "pkg:maven/org.apache.commons/commons-lang3@3.14.0", channel);

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("Checking those licences");
        var posts = bot.awaitSlackPosts(channel, null, 2); // the thread's root quoting the request, then the report
        assertThat(posts.getFirst().param("thread_ts")).isNull();
        assertThat(posts.getFirst().param("text")).contains("asked for a licence check of");
        var report = posts.get(1);
        assertThat(report.param("thread_ts")).isNotNull();
        assertThat(report.param("blocks"))
                .contains(
                        "Licence check",
                        "Apache-2.0",
                        "ok: pkg:maven/org.apache.commons/commons-lang3@3.14.0",
                        "0 blocker");
        assertThat(bot.slack.calls("files.getUploadURLExternal")).isEmpty(); // one row: the table is inline
    }

    @Test
    void the_same_event_delivered_three_times_is_answered_once() {
        String channel = unique("C");
        String eventId = unique("Ev");
        String event = RunningBot.mention(channel, "1700000002.000100", null, "What breaks first at 10x traffic?");

        var first = bot.slackEvent(eventId, event);
        var retry1 = bot.slackEvent(eventId, event, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        var retry2 = bot.slackEvent(eventId, event, "X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry1.statusCode()).isEqualTo(200);
        assertThat(retry2.statusCode()).isEqualTo(200);
        answerAfterward(channel); // one worker: a duplicate, had one been queued, would be answered before this
        assertThat(bot.awaitSlackPosts(channel, "1700000002.000100", 1)).hasSize(1);
    }

    @Test
    void a_rate_limited_answer_is_written_after_retry_after_and_only_once() {
        String channel = unique("C");
        bot.slack.rateLimit("chat.update", 1, 1); // the answer written over its streamed message

        bot.slackEvent(
                unique("Ev"),
                RunningBot.mention(channel, "1700000003.000100", null, "How do we roll out schema changes?"));

        var answer = bot.awaitSlackPosts(channel, "1700000003.000100", 1).getFirst();
        assertThat(answer.param("blocks")).contains(Labels.SUMMARY);
        assertThat(bot.slack.rateLimitsLeft("chat.update")).isZero(); // it was refused once, then written
        answerAfterward(channel);
        assertThat(bot.awaitSlackPosts(channel, "1700000003.000100", 1)).hasSize(1);
    }

    @Test
    void a_model_failure_reaches_the_user_as_a_short_honest_message_in_the_thread() {
        String channel = unique("C");
        bot.model.enqueue(FakeOpenAi.Response.error(500));

        bot.slackEvent(
                unique("Ev"), RunningBot.mention(channel, "1700000004.000100", null, "Can we launch on Friday?"));

        var told = bot.awaitSlackPosts(channel, "1700000004.000100", 1).getFirst();
        assertThat(told.param("text"))
                .startsWith("⚠️ Sorry, I couldn't answer this")
                .contains("not your question")
                .doesNotContain("Exception", "500");
    }

    @Test
    void a_follow_up_button_under_an_answer_asks_its_question_in_the_thread_as_the_clicker_once() {
        String channel = unique("C");
        String thread = "1700000005.000100";
        bot.slackEvent(unique("Ev"), RunningBot.mention(channel, thread, null, "How should we shard tenants?"));
        var answer = bot.awaitSlackPosts(channel, thread, 1).getFirst();
        String question = FakeOpenAi.DEFAULT_ANSWER.questions().getFirst();
        assertThat(answer.param("blocks")).contains("\"type\":\"actions\"", "follow_up_1", question);
        int asked = bot.model.requests().size();
        String click = SlackRequests.followUpClick(
                "U2",
                channel,
                thread,
                "1700000005.000500",
                "1700000006.000001",
                TextNode.valueOf(question).toString());

        var ack = bot.slackInteraction(click);
        var replay = bot.slackInteraction(click);

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        var posts = bot.awaitSlackPosts(channel, thread, 3); // the answer, "U2 asked", the second answer
        assertThat(posts).anySatisfy(p -> assertThat(p.param("text")).isEqualTo("<@U2> asked:\n> " + question));
        assertThat(posts.subList(1, 3)) // the question's echo races the worker: either may come first
                .anySatisfy(p -> assertThat(p.param("blocks")).contains(Labels.SUMMARY));
        assertThat(bot.model.requests().get(asked).get("messages").toString())
                .contains("How should we shard tenants?", question);
        answerAfterward(channel);
        assertThat(bot.awaitSlackPosts(channel, thread, 3)).hasSize(3); // the replayed click was not answered again
    }

    /** Asks in another thread of the channel and waits for that answer. */
    private static void answerAfterward(String channel) {
        bot.slackEvent(unique("Ev"), RunningBot.mention(channel, "1700000009.000900", null, "One more thing?"));
        bot.awaitSlackPosts(channel, "1700000009.000900", 1);
    }
}
