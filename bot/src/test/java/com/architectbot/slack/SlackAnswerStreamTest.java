package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.Job;
import com.architectbot.queue.ReplyParts;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.render.Labels;
import com.architectbot.render.MarkdownText;
import com.architectbot.slack.blockkit.BlockKitRenderer;
import com.architectbot.slack.redis.RecentThreads;
import com.architectbot.testing.Answers;
import com.architectbot.testing.Drafts;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.MarkdownLinks;
import com.architectbot.testing.TestRedis;
import com.architectbot.testing.WorkerDeath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The answer shown live in Slack while it is written, driven through the replier's progress with drafts (no model),
 * against the fake Web API, then replaced by the final reply.
 */
class SlackAnswerStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplyTarget THREAD = SlackTargets.thread("T1", "C1", "1700000000.000100");
    private static final String STATUS = "Checking licences of 12 packages...";

    private final FakeSlackApi slack = FakeSlackApi.start();
    private final UnifiedJedis redis = TestRedis.client();
    private final DeliveredParts record = TestReplyParts.recordedIn(redis);

    @AfterEach
    void stop() {
        slack.close();
        redis.close();
    }

    @Test
    void a_thread_answer_streams_then_the_final_typed_answer_replaces_the_streamed_message() throws Exception {
        // given
        var replier = replier();
        var parts = parts("slack:Ev1", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        // when: a status line, then the answer as it is written
        progress.status(STATUS);
        write(progress, SlackReplierTest.ANSWER, Duration.ofMillis(2500));
        replier.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        // then: start, appends, stop, then the streamed message is rewritten as the whole typed answer
        List<String> methods = slack.methods();
        assertThat(methods)
                .containsSubsequence("chat.startStream", "chat.appendStream", "chat.stopStream", "chat.update")
                .doesNotContain("chat.postMessage");
        assertThat(methods.indexOf("chat.startStream")).isLessThan(methods.indexOf("chat.appendStream"));
        assertThat(methods.lastIndexOf("chat.appendStream")).isLessThan(methods.indexOf("chat.stopStream"));
        assertThat(methods.indexOf("chat.stopStream")).isLessThan(methods.indexOf("chat.update"));
        var start = slack.onlyCall("chat.startStream");
        assertThat(start.param("channel")).isEqualTo("C1");
        assertThat(start.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(start.param("recipient_team_id")).isEqualTo("T1");
        assertThat(start.param("recipient_user_id")).isEqualTo("U1");
        assertThat(start.param("markdown_text")).isEqualTo("_" + STATUS + "_");
        assertThat(slack.calls("chat.appendStream").getFirst().param("markdown_text"))
                .startsWith("## " + Labels.SUMMARY);
        String ts = streamTs();
        assertThat(slack.onlyCall("chat.stopStream").param("ts")).isEqualTo(ts);
        var replaced = slack.calls("chat.update").getLast();
        assertThat(replaced.param("ts")).isEqualTo(ts);
        var first = new BlockKitRenderer()
                .render(new Reply.Answer(SlackReplierTest.ANSWER))
                .getFirst();
        assertThat(replaced.param("text")).isEqualTo(first.text());
        assertThat(SlackReplierTest.headers(replaced.param("blocks")))
                .containsExactly(
                        Labels.SUMMARY,
                        Labels.CRITICAL_ISSUES,
                        Labels.ANALYSIS,
                        Labels.RECOMMENDATIONS,
                        Labels.QUESTIONS);
        assertThat(replaced.param("blocks")).contains("Critical blocker:* Rate-limit exports per tenant.");
        assertThat(part(replaced.param("metadata"))).isEqualTo("answer/message-1");
        assertThat(slack.message(ts)).containsEntry("streaming", "false").containsEntry("text", first.text());
    }

    @Test
    void appends_and_updates_of_one_message_come_at_least_a_second_apart() {
        var replier = replier();
        var parts = parts("slack:Ev2", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        write(progress, Answers.withFindings(40), Duration.ofMillis(3500));
        slack.await("chat.appendStream", 3);
        replier.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        var edits = slack.calls().stream()
                .filter(c ->
                        c.method().equals("chat.appendStream") || c.method().equals("chat.update"))
                .toList();
        assertThat(edits).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < edits.size(); i++) {
            assertThat(Duration.between(edits.get(i - 1).at(), edits.get(i).at()))
                    .as(
                            "between %s and %s",
                            edits.get(i - 1).method(), edits.get(i).method())
                    .isGreaterThanOrEqualTo(SlackAnswerStream.INTERVAL);
        }
    }

    @Test
    void the_answers_first_text_follows_the_status_line_without_waiting_a_second() {
        var replier = replier();
        var parts = parts("slack:Ev2b", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        progress.status(STATUS);
        var start = slack.await("chat.startStream", 1).getFirst();
        progress.draft(Drafts.writing(SlackReplierTest.ANSWER).getFirst());
        var firstText = slack.await("chat.appendStream", 1).getFirst();
        write(progress, SlackReplierTest.ANSWER, Duration.ofMillis(1500));
        var secondText = slack.await("chat.appendStream", 2).get(1);
        replier.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        assertThat(firstText.param("markdown_text")).startsWith("## " + Labels.SUMMARY);
        assertThat(Duration.between(start.at(), firstText.at())).isLessThan(SlackAnswerStream.INTERVAL);
        assertThat(Duration.between(firstText.at(), secondText.at()))
                .as("the pace holds after the first text")
                .isGreaterThanOrEqualTo(SlackAnswerStream.INTERVAL);
    }

    @Test
    void a_draft_past_the_limit_stops_growing_and_the_rest_follows_as_further_messages() throws Exception {
        var huge = Answers.withFindings(300);
        var replier = replier();
        var parts = parts("slack:Ev3", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        Drafts.writing(huge).forEach(progress::draft);
        slack.await("chat.appendStream", 1);
        org.awaitility.Awaitility.await()
                .atMost(FakeSlackApi.WAIT)
                .until(() ->
                        String.valueOf(slack.message(streamTs()).get("text")).endsWith(SlackStreamText.CONTINUED));
        String streamed = String.valueOf(slack.message(streamTs()).get("text"));
        replier.deliver(THREAD, new Reply.Answer(huge), parts);

        assertThat(streamed.length()).isLessThanOrEqualTo(SlackStreamText.MAX_CHARS);
        assertThat(slack.calls("chat.appendStream"))
                .allSatisfy(c -> assertThat(c.param("markdown_text").length()).isLessThanOrEqualTo(12_000));
        int messages = new BlockKitRenderer().render(new Reply.Answer(huge)).size();
        assertThat(part(slack.calls("chat.update").getLast().param("metadata"))).isEqualTo("answer/message-1");
        assertThat(slack.calls("chat.postMessage").stream().map(c -> part(c.param("metadata"))))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, messages)
                        .mapToObj(i -> "answer/message-" + i)
                        .toList());
    }

    @Test
    void where_slack_will_not_stream_a_huge_draft_stops_growing_within_the_limit() throws Exception {
        slack.fail("chat.startStream", "channel_type_not_supported");
        var huge = Answers.withFindings(300);
        var replier = replier();
        var parts = parts("slack:Ev13", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        Drafts.writing(huge).forEach(progress::draft);
        org.awaitility.Awaitility.await()
                .atMost(FakeSlackApi.WAIT)
                .until(() -> slack.calls().stream()
                        .map(c -> String.valueOf(c.param("markdown_text")))
                        .anyMatch(text -> text.endsWith(SlackStreamText.CONTINUED)));
        replier.deliver(THREAD, new Reply.Answer(huge), parts);

        assertThat(slack.calls().stream().map(c -> c.param("markdown_text")).filter(java.util.Objects::nonNull))
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(SlackStreamText.MAX_CHARS));
        int messages = new BlockKitRenderer().render(new Reply.Answer(huge)).size();
        assertThat(slack.calls("chat.postMessage")).hasSize(messages); // the live one, then parts 2 to n
        assertThat(part(slack.calls("chat.update").getLast().param("metadata"))).isEqualTo("answer/message-1");
    }

    @Test
    void a_repaired_answer_that_starts_over_is_not_appended_to_the_old_draft_and_the_final_replaces_both() {
        var replier = replier();
        var parts = parts("slack:Ev14", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);
        progress.draft(Drafts.writing(SlackReplierTest.ANSWER).get(4));
        slack.await("chat.appendStream", 1);

        // when: the model's JSON was invalid and the repaired answer is written from its start
        var repaired = new ConsultationAnswer("Queue the exports first.", null, null, null, null);
        Drafts.writing(repaired).forEach(progress::draft);
        progress.draft(new AnswerDraft(repaired, AnswerSection.ANALYSIS));
        replier.deliver(THREAD, new Reply.Answer(repaired), parts);

        // then: the stream never holds the repaired text after the old one; the final message is the repaired answer
        assertThat(slack.calls("chat.appendStream"))
                .allSatisfy(c -> assertThat(c.param("markdown_text")).doesNotContain("Queue the exports"));
        var whole = new BlockKitRenderer().render(new Reply.Answer(repaired)).getFirst();
        assertThat(slack.message(streamTs())).containsEntry("text", whole.text());
    }

    @Test
    void mention_and_broadcast_syntax_in_a_draft_is_escaped_as_the_final_rendering_escapes_it() {
        var hostile = new ConsultationAnswer(
                "Tell <!channel> and <@U123> about <https://evil.example|this> & *that*", null, null, null, null);
        var replier = replier();
        var parts = parts("slack:Ev4", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        progress.status("Checking <!here> licences");
        progress.draft(new AnswerDraft(hostile, AnswerSection.CRITICAL_ISSUES));
        slack.await("chat.appendStream", 1);

        String shown = streamedText();
        assertThat(shown)
                .contains(BlockKitRenderer.escape(MarkdownText.escape(hostile.summary())))
                .contains("&lt;\\!here&gt;")
                .doesNotContain("<!channel>", "<@U123>", "<!here>", "<https://");
    }

    @Test
    void a_link_or_image_the_model_writes_in_a_draft_reads_as_typed_as_in_the_final_answer() {
        String link = "[Sign in again](https://login.evil.example)";
        var hostile = new ConsultationAnswer(
                "Please " + link + " ![x](https://evil.example/p.png) \\" + link, null, null, null, null);
        var replier = replier();
        var parts = parts("slack:Ev4b", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        progress.status("Checking " + link);
        progress.draft(new AnswerDraft(hostile, AnswerSection.CRITICAL_ISSUES));
        slack.await("chat.appendStream", 1);

        String shown = streamedText();
        assertThat(shown).contains("Please \\[Sign in again\\]\\(https://login.evil.example\\)", "## ");
        assertThat(MarkdownLinks.canForm(shown)).as(shown).isFalse();
    }

    @Test
    void where_slack_will_not_stream_one_message_is_posted_updated_and_then_replaced() throws Exception {
        slack.fail("chat.startStream", "channel_type_not_supported");
        var replier = replier();
        var parts = parts("slack:Ev5", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        progress.status(STATUS);
        slack.await("chat.postMessage", 1);
        write(progress, SlackReplierTest.ANSWER, Duration.ofMillis(2500));
        replier.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        var post = slack.onlyCall("chat.postMessage");
        assertThat(post.param("markdown_text")).isEqualTo("_" + STATUS + "_");
        assertThat(part(post.param("metadata"))).isEqualTo("stream/message");
        var updates = slack.calls("chat.update");
        assertThat(updates).hasSizeGreaterThanOrEqualTo(2);
        assertThat(updates.getFirst().param("markdown_text")).startsWith("## " + Labels.SUMMARY);
        assertThat(updates).allSatisfy(u -> assertThat(u.param("ts")).isEqualTo(postedTs()));
        for (int i = 1; i < updates.size(); i++) {
            assertThat(Duration.between(updates.get(i - 1).at(), updates.get(i).at()))
                    .isGreaterThanOrEqualTo(SlackAnswerStream.INTERVAL);
        }
        assertThat(part(updates.getLast().param("metadata"))).isEqualTo("answer/message-1");
        assertThat(updates.getLast().param("blocks")).contains(Labels.QUESTIONS);
        assertThat(slack.calls("chat.stopStream")).isEmpty();
    }

    @Test
    void a_rate_limited_append_stops_the_live_view_and_the_whole_answer_still_arrives() {
        slack.rateLimit("chat.appendStream", 30, 10);
        var replier = replier();
        var parts = parts("slack:Ev6", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, THREAD), parts);

        write(progress, SlackReplierTest.ANSWER, Duration.ofMillis(1500));
        slack.await("chat.appendStream", 1);
        replier.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        var first = new BlockKitRenderer()
                .render(new Reply.Answer(SlackReplierTest.ANSWER))
                .getFirst();
        assertThat(slack.message(streamTs())).containsEntry("text", first.text());
        assertThat(slack.methods()).containsSubsequence("chat.stopStream", "chat.update");
    }

    @Test
    void a_rejection_or_an_apology_after_a_stream_replaces_the_streamed_message() {
        var replier = replier();
        var answer = parts("slack:Ev7", "c1#1", record);
        AnswerProgress progress = replier.progress(job(answer, THREAD), answer);
        progress.draft(Drafts.writing(SlackReplierTest.ANSWER).get(3));
        slack.await("chat.appendStream", 1);

        var apology = new ReplyParts(answer.inquiry(), "apology", record, "c1#1");
        replier.deliver(THREAD, new Reply.Notice(Reply.Tone.FAILED, "Sorry, I couldn't answer this."), apology);

        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(slack.message(streamTs()).get("text").toString()).contains("Sorry, I couldn't answer this.");
        assertThat(part(slack.calls("chat.update").getLast().param("metadata"))).isEqualTo("apology/message-1");
    }

    @Test
    void a_reclaimed_job_takes_over_its_predecessors_stream_and_replaces_it_with_the_whole_answer() {
        // given: a worker streamed part of the answer, then died
        var dead = replier();
        var first = parts("slack:Ev8", "c1#1", record);
        AnswerProgress before = dead.progress(job(first, THREAD), first);
        Drafts.writing(SlackReplierTest.ANSWER).subList(0, 4).forEach(before::draft);
        slack.await("chat.appendStream", 1);
        String ts = streamTs();

        // when: another worker runs the job again, streams and delivers
        var next = replier();
        var second = parts("slack:Ev8", "c2#2", record);
        AnswerProgress after = next.progress(job(second, THREAD), second);
        write(after, SlackReplierTest.ANSWER, Duration.ofMillis(1500));
        next.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), second);

        // then: one message in the thread, the predecessor's, stopped and holding the whole answer
        assertThat(slack.calls("chat.startStream")).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(slack.calls("chat.update"))
                .allSatisfy(u -> assertThat(u.param("ts")).isEqualTo(ts));
        var whole = new BlockKitRenderer()
                .render(new Reply.Answer(SlackReplierTest.ANSWER))
                .getFirst();
        assertThat(slack.message(ts)).containsEntry("text", whole.text()).containsEntry("streaming", "false");
    }

    @Test
    void a_worker_dying_between_starting_a_stream_and_recording_it_leaves_no_half_answer() throws Exception {
        // given: the worker dies right after Slack started the stream
        var dying = new WorkerDeath(record, "stream/message");
        var dead = replier();
        var first = parts("slack:Ev9", "c1#1", dying);
        AnswerProgress before = dead.progress(job(first, THREAD), first);
        before.status(STATUS);
        before.draft(Drafts.writing(SlackReplierTest.ANSWER).get(4));
        org.awaitility.Awaitility.await().atMost(FakeSlackApi.WAIT).until(dying::died);

        // when: the job is reclaimed and answered
        var next = replier();
        var second = parts("slack:Ev9", "c2#2", record);
        next.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), second);

        // then: the stream in doubt holds only its status line; the answer is posted once, whole
        assertThat(slack.message(streamTs()).get("text")).isEqualTo("_" + STATUS + "_");
        assertThat(slack.calls("chat.appendStream")).isEmpty();
        assertThat(slack.calls("chat.postMessage"))
                .singleElement()
                .satisfies(p -> assertThat(part(p.param("metadata"))).isEqualTo("answer/message-1"));
    }

    @Test
    void an_assistant_thread_shows_status_lines_as_its_status_and_streams_only_the_answer() {
        var target = SlackTargets.assistantThread("T1", "D1", "1.2");
        var replier = replier();
        var parts = parts("slack:Ev10", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, target), parts);

        progress.status(STATUS);
        slack.await("assistant.threads.setStatus", 1);
        progress.draft(Drafts.writing(SlackReplierTest.ANSWER).get(3));
        slack.await("chat.appendStream", 1);
        replier.deliver(target, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        assertThat(slack.calls("assistant.threads.setStatus").getFirst().param("status"))
                .isEqualTo(STATUS);
        assertThat(slack.onlyCall("chat.startStream").param("markdown_text")).isNull();
        assertThat(slack.methods())
                .containsSubsequence(
                        "assistant.threads.setStatus", "chat.startStream", "chat.appendStream", "chat.update");
        assertThat(slack.calls("assistant.threads.setStatus").getLast().param("status"))
                .isEmpty();
    }

    @Test
    void a_direct_message_streams_in_the_thread_of_the_question_like_a_channel() {
        var dm = SlackTargets.thread("T1", "D1", "1700000000.000300"); // as SlackDirectMessages addresses a DM
        var replier = replier();
        var parts = parts("slack:Ev15", "c1#1", record);
        AnswerProgress progress = replier.progress(job(parts, dm), parts);

        progress.draft(Drafts.writing(SlackReplierTest.ANSWER).get(3));
        slack.await("chat.appendStream", 1);
        replier.deliver(dm, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        var start = slack.onlyCall("chat.startStream");
        assertThat(start.param("channel")).isEqualTo("D1");
        assertThat(start.param("thread_ts")).isEqualTo("1700000000.000300");
        assertThat(slack.methods()).containsSubsequence("chat.stopStream", "chat.update");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_private_reply_has_no_live_view() {
        var target = SlackTargets.direct("T1", "U1");
        var parts = parts("slack:Ev11", "c1#1", record);

        assertThat(replier().progress(job(parts, target), parts)).isSameAs(AnswerProgress.NONE);
    }

    @Test
    void nothing_reported_means_nothing_shown_and_the_answer_is_posted_as_before() {
        var replier = replier();
        var parts = parts("slack:Ev12", "c1#1", record);
        replier.progress(job(parts, THREAD), parts);

        replier.deliver(THREAD, new Reply.Answer(SlackReplierTest.ANSWER), parts);

        assertThat(slack.methods()).containsExactly("chat.postMessage");
    }

    // --- helpers

    /** Reports the drafts of writing {@code answer}, spread evenly over {@code over}. */
    private static void write(AnswerProgress progress, ConsultationAnswer answer, Duration over) {
        List<AnswerDraft> drafts = Drafts.writing(answer);
        long pause = Math.max(1, over.toMillis() / drafts.size());
        for (AnswerDraft draft : drafts) {
            progress.draft(draft);
            try {
                Thread.sleep(pause); // the model's pace, not an assertion
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The one message the fake was asked to stream. */
    private String streamTs() {
        assertThat(slack.streams()).hasSize(1);
        return slack.streams().getFirst();
    }

    private String postedTs() {
        return slack.calls("chat.update").getFirst().param("ts");
    }

    private static String part(String metadata) {
        try {
            return JSON.readTree(metadata).path("event_payload").path("part").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ReplyParts parts(String inquiry, String owner, DeliveredParts record) {
        return new ReplyParts(new InquiryId(inquiry), "answer", record, owner);
    }

    private static Job job(ReplyParts parts, ReplyTarget target) {
        var thread = new ThreadKey(Surface.SLACK, "T1", "C1", "1700000000.000100");
        return new Job(new Inquiry(parts.inquiry(), InquiryKind.CONSULTATION, thread, "U1", "Review this."), target);
    }

    private SlackReplier replier() {
        var client = SlackClients.create(slack.apiUrl(), Duration.ofSeconds(5));
        var api = new SlackWebApi(Duration.ofSeconds(30));
        return new SlackReplier(
                client,
                BotTokens.single("xoxb-test"),
                api,
                new BlockKitRenderer(),
                new SlackCommandJobs(
                        client,
                        new RecentThreads(redis, Duration.ofHours(1), Clock.systemUTC()),
                        new SlackAdmins(api, Clock.systemUTC()),
                        SlackSettings.from(new Environment(Map.of(
                                        "SLACK_BOT_TOKEN",
                                        "xoxb-test",
                                        "SLACK_SIGNING_SECRET",
                                        "s",
                                        "SLACK_API_URL",
                                        slack.apiUrl().toString())))
                                .responseUrlHosts()));
    }

    /** Everything the stream showed: the Markdown it started with and every append, in order. */
    private String streamedText() {
        return slack.calls("chat.startStream").getFirst().param("markdown_text")
                + slack.calls("chat.appendStream").stream()
                        .map(c -> c.param("markdown_text"))
                        .collect(java.util.stream.Collectors.joining());
    }
}
