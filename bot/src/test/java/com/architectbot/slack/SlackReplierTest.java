package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.queue.Job;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.render.Labels;
import com.architectbot.slack.blockkit.BlockKitLimits;
import com.architectbot.slack.blockkit.BlockKitRenderer;
import com.architectbot.slack.redis.RecentThreads;
import com.architectbot.testing.Answers;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.LicenceReports;
import com.architectbot.testing.TestRedis;
import com.architectbot.testing.WorkerDeath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class SlackReplierTest {

    static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Exports will be your most expensive endpoint.",
            List.of("No rate limit on exports."),
            List.of(new AreaAnalysis(Area.SCALABILITY, List.of("Run exports on a queue."))),
            List.of(new Recommendation("Rate-limit exports per tenant.", Priority.CRITICAL_BLOCKER)),
            List.of("Which plans include exports?"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlackApi slack = FakeSlackApi.start();
    private final UnifiedJedis redis = TestRedis.client();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        slack.close();
        redis.close();
    }

    private SlackReplier replier(Duration budget) {
        var client = SlackClients.create(slack.apiUrl(), Duration.ofSeconds(5));
        var api = new SlackWebApi(budget, waits::add);
        return new SlackReplier(
                client,
                BotTokens.single("xoxb-test"),
                api,
                new BlockKitRenderer(),
                new SlackCommandJobs(
                        client,
                        new RecentThreads(redis, Duration.ofHours(1), java.time.Clock.systemUTC()),
                        new SlackAdmins(api, java.time.Clock.systemUTC()),
                        SlackSettings.from(new Environment(Map.of(
                                        "SLACK_BOT_TOKEN",
                                        "xoxb-test",
                                        "SLACK_SIGNING_SECRET",
                                        "s",
                                        "SLACK_API_URL",
                                        slack.apiUrl().toString())))
                                .responseUrlHosts()));
    }

    @Test
    void answer_is_posted_in_the_thread_with_the_five_section_headers() throws Exception {
        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.thread("T1", "C1", "1700000000.000100"),
                        new Reply.Answer(ANSWER),
                        TestReplyParts.unrecorded());

        var call = slack.onlyCall("chat.postMessage");
        assertThat(call.token()).isEqualTo("xoxb-test");
        assertThat(call.param("channel")).isEqualTo("C1");
        assertThat(call.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(call.param("text")).contains(Labels.SUMMARY, "Exports will be");
        assertThat(headers(call.param("blocks")))
                .containsExactly(
                        Labels.SUMMARY,
                        Labels.CRITICAL_ISSUES,
                        Labels.ANALYSIS,
                        Labels.RECOMMENDATIONS,
                        Labels.QUESTIONS);
    }

    @Test
    void a_long_answer_is_posted_as_several_messages_in_order_in_the_same_thread() throws Exception {
        var findings = IntStream.range(0, 300)
                .mapToObj(i -> "Finding number " + i + " " + "detail ".repeat(30))
                .toList();
        var longAnswer = new ConsultationAnswer(
                "Summary.", null, List.of(new AreaAnalysis(Area.SCALABILITY, findings)), null, null);

        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.thread("T1", "C1", "1.2"),
                        new Reply.Answer(longAnswer),
                        TestReplyParts.unrecorded());

        var posts = slack.calls("chat.postMessage");
        assertThat(posts)
                .hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.param("thread_ts")).isEqualTo("1.2"));
        String all =
                String.join("\n", posts.stream().map(p -> p.param("blocks")).toList());
        findings.forEach(f -> assertThat(all).contains(f.strip()));
        assertThat(all.indexOf("Finding number 0 ")).isLessThan(all.indexOf("Finding number 299 "));
        for (var post : posts) {
            assertThat(JSON.readTree(post.param("blocks")).size()).isLessThanOrEqualTo(BlockKitLimits.MAX_BLOCKS);
        }
    }

    @Test
    void a_429_is_waited_out_for_its_retry_after_and_retried() {
        slack.rateLimit("chat.postMessage", 2, 1);

        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.thread("T1", "C1", "1.2"),
                        new Reply.Notice(Reply.Tone.INFO, "Done."),
                        TestReplyParts.unrecorded());

        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void a_429_asking_for_no_wait_is_waited_out_for_a_second_not_retried_in_a_busy_loop() {
        slack.rateLimit("chat.postMessage", 0, 3);

        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.thread("T1", "C1", "1.2"),
                        new Reply.Notice(Reply.Tone.INFO, "Done."),
                        TestReplyParts.unrecorded());

        assertThat(slack.calls("chat.postMessage")).hasSize(4);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void rate_limits_beyond_the_delivery_budget_are_left_to_the_queue_to_retry() {
        slack.rateLimit("chat.postMessage", 30, 5);

        assertThatThrownBy(() -> replier(Duration.ofSeconds(10))
                        .deliver(
                                SlackTargets.thread("T1", "C1", "1.2"),
                                new Reply.Notice(Reply.Tone.INFO, "Done."),
                                TestReplyParts.unrecorded()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("chat.postMessage");
        assertThat(waits).isEmpty();
    }

    @Test
    void an_ok_false_answer_is_a_failure_not_a_silent_success() {
        slack.fail("chat.postMessage", "channel_not_found");

        assertThatThrownBy(() -> replier(Duration.ofSeconds(10))
                        .deliver(
                                SlackTargets.thread("T1", "C404", "1.2"),
                                new Reply.Notice(Reply.Tone.INFO, "Done."),
                                TestReplyParts.unrecorded()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("channel_not_found");
    }

    @Test
    void a_platform_that_keeps_failing_becomes_a_retryable_failure() {
        slack.fail("chat.postMessage", "service_unavailable");

        assertThatThrownBy(() -> replier(Duration.ofSeconds(60))
                        .deliver(
                                SlackTargets.thread("T1", "C1", "1.2"),
                                new Reply.Notice(Reply.Tone.INFO, "Done."),
                                TestReplyParts.unrecorded()))
                .isInstanceOf(RetryableFailure.class);
        assertThat(slack.calls("chat.postMessage")).hasSize(SlackWebApi.MAX_TRANSIENT_FAILURES + 1);
    }

    @Test
    void an_assistant_thread_gets_its_thinking_status_cleared_after_the_answer() {
        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.assistantThread("T1", "D1", "1.2"),
                        new Reply.Answer(ANSWER),
                        TestReplyParts.unrecorded());

        assertThat(slack.methods()).containsExactly("chat.postMessage", "assistant.threads.setStatus");
        assertThat(slack.onlyCall("assistant.threads.setStatus").param("status"))
                .isEmpty();
    }

    static List<String> headers(String blocksJson) throws Exception {
        JsonNode blocks = JSON.readTree(blocksJson);
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals("header"))
                .map(b -> b.path("text").path("text").asText())
                .toList();
    }

    @Test
    void a_long_licence_report_is_followed_in_the_thread_by_its_full_table_as_csv() {
        var report = LicenceReports.withOkDependencies(BlockKitRenderer.MAX_INLINE_TABLE_ROWS + 1);

        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.thread("T1", "C1", "1700000000.000100"),
                        new Reply.LicenceCheck(report),
                        TestReplyParts.unrecorded());

        assertThat(slack.methods())
                .containsSubsequence("chat.postMessage", "files.getUploadURLExternal", "files.completeUploadExternal");
        assertThat(slack.onlyCall("files.getUploadURLExternal").param("filename"))
                .isEqualTo("licence-report.csv");
        var shared = slack.onlyCall("files.completeUploadExternal");
        assertThat(shared.param("channel_id")).isEqualTo("C1");
        assertThat(shared.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(shared.token()).isEqualTo("xoxb-test");
    }

    @Test
    void a_csv_that_cannot_be_shared_is_explained_in_the_thread_and_the_report_is_not_posted_again() {
        slack.fail("files.getUploadURLExternal", "missing_scope");
        var report = LicenceReports.withOkDependencies(BlockKitRenderer.MAX_INLINE_TABLE_ROWS + 1);

        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.thread("T1", "C1", "1700000000.000100"),
                        new Reply.LicenceCheck(report),
                        TestReplyParts.unrecorded());

        var posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).param("text")).startsWith("I couldn't attach licence-report.csv");
    }

    private final RedisDeliveredParts record = TestReplyParts.recordedIn(redis);

    private static Reply.Answer longAnswer() {
        return new Reply.Answer(Answers.withFindings(300));
    }

    private List<String> postedParts() throws Exception {
        List<String> parts = new java.util.ArrayList<>();
        for (var post : slack.calls("chat.postMessage")) {
            parts.add(JSON.readTree(post.param("metadata"))
                    .path("event_payload")
                    .path("part")
                    .asText());
        }
        return parts;
    }

    @Test
    void a_follow_up_clicks_question_is_shown_once_in_its_thread_escaped_even_when_the_job_is_run_again() {
        var inquiry = new Inquiry(
                new InquiryId("slack:click:C1:1700000100.000001"),
                InquiryKind.CONSULTATION,
                new ThreadKey(Surface.SLACK, "T1", "C1", "1.2"),
                "U2",
                "<!channel> How many tenants?");
        var job = new Job(inquiry, SlackTargets.followUp("T1", "C1", "1.2", "U2"));

        replier(Duration.ofSeconds(30)).prepare(job, new ReplyParts(inquiry.id(), "thread", record, "w1#1"));
        replier(Duration.ofSeconds(30)).prepare(job, new ReplyParts(inquiry.id(), "thread", record, "w2#2"));

        assertThat(slack.calls("chat.postMessage")).singleElement().satisfies(shown -> {
            assertThat(shown.param("channel")).isEqualTo("C1");
            assertThat(shown.param("thread_ts")).isEqualTo("1.2");
            assertThat(shown.param("text")).isEqualTo("<@U2> asked:\n> &lt;!channel&gt; How many tenants?");
        });
    }

    @Test
    void every_message_carries_metadata_naming_its_inquiry_and_part() throws Exception {
        var parts = new ReplyParts(new InquiryId("slack:Ev1"), "answer", record);

        replier(Duration.ofSeconds(30)).deliver(SlackTargets.thread("T1", "C1", "1.2"), longAnswer(), parts);

        var first = JSON.readTree(slack.calls("chat.postMessage").getFirst().param("metadata"));
        assertThat(first.path("event_type").asText()).isEqualTo(SlackSentMessages.EVENT_TYPE);
        assertThat(first.path("event_payload").path("inquiry_id").asText()).isEqualTo("slack:Ev1");
        assertThat(postedParts()).hasSizeGreaterThan(2).startsWith("answer/message-1", "answer/message-2");
    }

    @Test
    void a_crash_between_posting_part_k_and_recording_it_leaves_each_part_posted_once() throws Exception {
        // given: a worker that dies right after Slack accepted part 2, before recording it
        var id = new InquiryId("slack:Ev2");
        var target = SlackTargets.thread("T1", "C1", "1.2");
        var dying = new WorkerDeath(record, "answer/message-2");
        assertThatThrownBy(() -> replier(Duration.ofSeconds(30))
                        .deliver(target, longAnswer(), new ReplyParts(id, "answer", dying)))
                .isInstanceOf(WorkerDeath.Died.class);
        int messages = new BlockKitRenderer().render(longAnswer()).size();

        // when: the job is reclaimed and delivered again
        replier(Duration.ofSeconds(30)).deliver(target, longAnswer(), new ReplyParts(id, "answer", record));

        // then: part 2 was found on Slack by its metadata; every part is in the thread once, in order
        assertThat(slack.calls("conversations.replies"))
                .singleElement()
                .satisfies(c -> assertThat(c.param("include_all_metadata")).isIn("true", "1"));
        assertThat(postedParts())
                .doesNotHaveDuplicates()
                .hasSize(messages)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, messages)
                        .mapToObj(i -> "answer/message-" + i)
                        .toList());
    }

    @Test
    void part_2_failing_for_good_does_not_post_part_1_again() throws Exception {
        // given: Slack refuses the second message
        var id = new InquiryId("slack:Ev3");
        var target = SlackTargets.thread("T1", "C1", "1.2");
        slack.failCall("chat.postMessage", 2, "msg_too_long");
        assertThatThrownBy(() -> replier(Duration.ofSeconds(30))
                        .deliver(target, longAnswer(), new ReplyParts(id, "answer", record)))
                .isInstanceOf(PermanentFailure.class);

        // when: the job is tried again
        replier(Duration.ofSeconds(30)).deliver(target, longAnswer(), new ReplyParts(id, "answer", record));

        // then: part 1 stands as posted; part 2, refused for certain, is posted without a search
        List<String> parts = postedParts();
        assertThat(parts.stream().filter("answer/message-1"::equals)).hasSize(1);
        assertThat(parts.subList(0, 3)).containsExactly("answer/message-1", "answer/message-2", "answer/message-2");
        assertThat(slack.calls("conversations.replies")).isEmpty();
    }

    @Test
    void a_part_in_doubt_that_slack_does_not_have_is_posted() throws Exception {
        var id = new InquiryId("slack:Ev4");
        record.record(id, "answer/message-1", new PartState.Sending());

        replier(Duration.ofSeconds(30))
                .deliver(
                        SlackTargets.direct("T1", "U1"),
                        new Reply.Notice(Reply.Tone.INFO, "Done."),
                        new ReplyParts(id, "answer", record));

        assertThat(slack.onlyCall("conversations.history").param("channel")).isEqualTo("DU1");
        assertThat(postedParts()).containsExactly("answer/message-1");
        assertThat(record.state(id, "answer/message-1")).isInstanceOf(PartState.Sent.class);
    }

    @Test
    void a_message_of_another_inquiry_with_the_same_part_name_is_not_taken_for_ours() throws Exception {
        // given: the thread holds part 1 of another inquiry's answer
        var target = SlackTargets.thread("T1", "C1", "1.2");
        replier(Duration.ofSeconds(30))
                .deliver(
                        target,
                        new Reply.Notice(Reply.Tone.INFO, "Earlier answer."),
                        new ReplyParts(new InquiryId("slack:EvOther"), "answer", record));
        var id = new InquiryId("slack:Ev5");
        record.record(id, "answer/message-1", new PartState.Sending());

        // when
        replier(Duration.ofSeconds(30))
                .deliver(target, new Reply.Notice(Reply.Tone.INFO, "Done."), new ReplyParts(id, "answer", record));

        // then
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(slack.calls("chat.postMessage").getLast().param("text")).contains("Done.");
    }

    @Test
    void a_message_with_our_metadata_posted_by_another_app_is_not_taken_for_ours() throws Exception {
        // given: another app posted a message carrying this part's metadata; our own send of it is in doubt
        var target = SlackTargets.thread("T1", "C1", "1.2");
        var id = new InquiryId("slack:Ev6");
        replier(Duration.ofSeconds(30))
                .deliver(target, new Reply.Notice(Reply.Tone.INFO, "Forged."), ReplyParts.unrecorded(id, "answer"));
        slack.lastMessagePostedBy("B_SOMEONE_ELSE");
        record.record(id, "answer/message-1", new PartState.Sending());

        // when
        replier(Duration.ofSeconds(30))
                .deliver(target, new Reply.Notice(Reply.Tone.INFO, "Done."), new ReplyParts(id, "answer", record));

        // then: the forged message was not counted; ours was posted
        assertThat(slack.calls("auth.test")).isNotEmpty();
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(slack.calls("chat.postMessage").getLast().param("text")).contains("Done.");
    }
}
