package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.consultation.Area;
import com.architectbot.consultation.AreaAnalysis;
import com.architectbot.consultation.ConsultationAnswer;
import com.architectbot.consultation.PermanentFailure;
import com.architectbot.consultation.Priority;
import com.architectbot.consultation.Recommendation;
import com.architectbot.consultation.Reply;
import com.architectbot.consultation.RetryableFailure;
import com.architectbot.render.BlockKitRenderer;
import com.architectbot.render.Labels;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.LicenceReports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackReplierTest {

    static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Exports will be your most expensive endpoint.",
            List.of("No rate limit on exports."),
            List.of(new AreaAnalysis(Area.SCALABILITY, List.of("Run exports on a queue."))),
            List.of(new Recommendation("Rate-limit exports per tenant.", Priority.CRITICAL_BLOCKER)),
            List.of("Which plans include exports?"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlackApi slack = FakeSlackApi.start();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        slack.close();
    }

    private SlackReplier replier(Duration budget) {
        return new SlackReplier(SlackClients.create(slack.apiUrl(), Duration.ofSeconds(5)), BotTokens.single("xoxb-test"),
                new SlackWebApi(budget, waits::add), new BlockKitRenderer());
    }

    @Test
    void answer_is_posted_in_the_thread_with_the_five_section_headers() throws Exception {
        replier(Duration.ofSeconds(30)).deliver(SlackTargets.thread("T1", "C1", "1700000000.000100"), new Reply.Answer(ANSWER));

        var call = slack.onlyCall("chat.postMessage");
        assertThat(call.token()).isEqualTo("xoxb-test");
        assertThat(call.param("channel")).isEqualTo("C1");
        assertThat(call.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(call.param("text")).contains(Labels.SUMMARY, "Exports will be");
        assertThat(headers(call.param("blocks"))).containsExactly(Labels.SUMMARY, Labels.CRITICAL_ISSUES,
                Labels.ANALYSIS, Labels.RECOMMENDATIONS, Labels.QUESTIONS);
    }

    @Test
    void a_long_answer_is_posted_as_several_messages_in_order_in_the_same_thread() throws Exception {
        var findings = IntStream.range(0, 300).mapToObj(i -> "Finding number " + i + " " + "detail ".repeat(30)).toList();
        var longAnswer = new ConsultationAnswer("Summary.", null, List.of(new AreaAnalysis(Area.SCALABILITY, findings)), null, null);

        replier(Duration.ofSeconds(30)).deliver(SlackTargets.thread("T1", "C1", "1.2"), new Reply.Answer(longAnswer));

        var posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.param("thread_ts")).isEqualTo("1.2"));
        String all = String.join("\n", posts.stream().map(p -> p.param("blocks")).toList());
        findings.forEach(f -> assertThat(all).contains(f.strip()));
        assertThat(all.indexOf("Finding number 0 ")).isLessThan(all.indexOf("Finding number 299 "));
        for (var post : posts) {
            assertThat(JSON.readTree(post.param("blocks")).size()).isLessThanOrEqualTo(BlockKitRenderer.MAX_BLOCKS);
        }
    }

    @Test
    void a_429_is_waited_out_for_its_retry_after_and_retried() {
        slack.rateLimit("chat.postMessage", 2, 1);

        replier(Duration.ofSeconds(30)).deliver(SlackTargets.thread("T1", "C1", "1.2"), new Reply.Notice(Reply.Tone.INFO, "Done."));

        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void rate_limits_beyond_the_delivery_budget_are_left_to_the_queue_to_retry() {
        slack.rateLimit("chat.postMessage", 30, 5);

        assertThatThrownBy(() -> replier(Duration.ofSeconds(10))
                .deliver(SlackTargets.thread("T1", "C1", "1.2"), new Reply.Notice(Reply.Tone.INFO, "Done.")))
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("chat.postMessage");
        assertThat(waits).isEmpty();
    }

    @Test
    void an_ok_false_answer_is_a_failure_not_a_silent_success() {
        slack.fail("chat.postMessage", "channel_not_found");

        assertThatThrownBy(() -> replier(Duration.ofSeconds(10))
                .deliver(SlackTargets.thread("T1", "C404", "1.2"), new Reply.Notice(Reply.Tone.INFO, "Done.")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("channel_not_found");
    }

    @Test
    void a_platform_that_keeps_failing_becomes_a_retryable_failure() {
        slack.fail("chat.postMessage", "service_unavailable");

        assertThatThrownBy(() -> replier(Duration.ofSeconds(60))
                .deliver(SlackTargets.thread("T1", "C1", "1.2"), new Reply.Notice(Reply.Tone.INFO, "Done.")))
                .isInstanceOf(RetryableFailure.class);
        assertThat(slack.calls("chat.postMessage")).hasSize(SlackWebApi.MAX_TRANSIENT_FAILURES + 1);
    }

    @Test
    void an_assistant_thread_gets_its_thinking_status_cleared_after_the_answer() {
        replier(Duration.ofSeconds(30)).deliver(SlackTargets.assistantThread("T1", "D1", "1.2"), new Reply.Answer(ANSWER));

        assertThat(slack.methods()).containsExactly("chat.postMessage", "assistant.threads.setStatus");
        assertThat(slack.onlyCall("assistant.threads.setStatus").param("status")).isEmpty();
    }

    static List<String> headers(String blocksJson) throws Exception {
        JsonNode blocks = JSON.readTree(blocksJson);
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals("header"))
                .map(b -> b.path("text").path("text").asText()).toList();
    }

    @Test
    void a_long_licence_report_is_followed_in_the_thread_by_its_full_table_as_csv() {
        var report = LicenceReports.withOkDependencies(BlockKitRenderer.MAX_INLINE_TABLE_ROWS + 1);

        replier(Duration.ofSeconds(30)).deliver(SlackTargets.thread("T1", "C1", "1700000000.000100"),
                new Reply.LicenceCheck(report));

        assertThat(slack.methods()).containsSubsequence("chat.postMessage", "files.getUploadURLExternal",
                "files.completeUploadExternal");
        assertThat(slack.onlyCall("files.getUploadURLExternal").param("filename")).isEqualTo("licence-report.csv");
        var shared = slack.onlyCall("files.completeUploadExternal");
        assertThat(shared.param("channel_id")).isEqualTo("C1");
        assertThat(shared.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(shared.token()).isEqualTo("xoxb-test");
    }

    @Test
    void a_csv_that_cannot_be_shared_is_explained_in_the_thread_and_the_report_is_not_posted_again() {
        slack.fail("files.getUploadURLExternal", "missing_scope");
        var report = LicenceReports.withOkDependencies(BlockKitRenderer.MAX_INLINE_TABLE_ROWS + 1);

        replier(Duration.ofSeconds(30)).deliver(SlackTargets.thread("T1", "C1", "1700000000.000100"),
                new Reply.LicenceCheck(report));

        var posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).param("text")).startsWith("I couldn't attach licence-report.csv");
    }
}
