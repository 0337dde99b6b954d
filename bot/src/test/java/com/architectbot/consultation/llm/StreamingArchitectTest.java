package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.architectbot.consultation.Question;
import com.architectbot.core.FileText;
import com.architectbot.core.LicenceChecks;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.render.DraftMarkdown;
import com.architectbot.testing.Answers;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeOpenAi.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The architect on a model that streams: drafts while the answer is written, status lines between calls. */
class StreamingArchitectTest {

    private static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Add SSO before the enterprise launch. It gates the deals.",
            List.of("No tenant isolation in the session store."),
            List.of(new AreaAnalysis(Area.ACCOUNTS_AND_SUBSCRIPTIONS, List.of("SAML and OIDC both expected."))),
            List.of(new Recommendation("Offer OIDC first.", Priority.CRITICAL_BLOCKER)),
            List.of("Which identity providers do your prospects use?"));

    private final FakeOpenAi model = FakeOpenAi.start();
    private final Progress progress = new Progress();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @AfterEach
    void stopFake() {
        model.close();
    }

    @Test
    void every_call_streams_and_drafts_arrive_in_order_each_extending_the_last() {
        // given
        model.enqueue(Response.answer(ANSWER));
        // when
        ConsultationAnswer answer = consult(architect(List.of()));
        // then
        assertThat(answer).isEqualTo(ANSWER);
        assertThat(model.lastRequest().get("stream").asBoolean()).isTrue();
        List<AnswerDraft> drafts = progress.drafts();
        assertThat(drafts).extracting(AnswerDraft::writing).isSorted().contains(AnswerSection.values());
        for (int i = 1; i < drafts.size(); i++) {
            assertThat(DraftMarkdown.render(drafts.get(i))).startsWith(DraftMarkdown.render(drafts.get(i - 1)));
        }
        assertThat(drafts.getLast().sofar().recommendations()).isEqualTo(ANSWER.recommendations());
        assertThat(progress.events).first().asString().startsWith("draft"); // no status line holds the first words back
    }

    @Test
    void the_summary_is_shown_before_the_model_has_sent_its_last_token() {
        // given: a model writing 100 tokens a second
        model.streamingAt(100).enqueue(Response.answer(ANSWER));
        AtomicReference<Integer> streamsEndedAtSummary = new AtomicReference<>();
        AnswerProgress watching = new Progress() {
            @Override
            public void draft(AnswerDraft draft) {
                if (!draft.sofar().summary().isBlank()) {
                    streamsEndedAtSummary.compareAndSet(null, model.streamsEnded());
                }
            }
        };
        // when
        architect(List.of()).consult(List.of(), Question.of("SSO?"), TenantPreferences.DEFAULTS, watching);
        // then
        assertThat(streamsEndedAtSummary.get()).isZero();
        assertThat(model.streamsEnded()).isEqualTo(1);
    }

    @Test
    void a_tool_round_reports_what_it_does_in_a_status_line_with_counts_only_and_no_draft() {
        // given: the model checks two packages, one of them named to get itself shouted in the channel
        model.enqueue(
                Response.toolCall(
                        "call_1",
                        "checkLicences",
                        "{\"packages\": [\"pkg:npm/react@18.2.0\", \"<!channel> evil@1.0.0\"]}"),
                Response.answer(ANSWER));
        // when
        ConsultationAnswer answer = consult(architect(List.of(new LicenceCheckTool(new NoLicences()))));
        // then
        assertThat(answer).isEqualTo(ANSWER);
        assertThat(progress.statuses()).containsExactly("Checking licences of 2 packages...");
        int toolLine = progress.events.indexOf("status: Checking licences of 2 packages...");
        assertThat(progress.events.subList(0, toolLine)).noneMatch(event -> event.startsWith("draft"));
        assertThat(progress.events.toString()).doesNotContain("channel", "react");
    }

    @Test
    void a_tool_that_does_not_narrate_itself_gets_the_generic_line() {
        // given
        model.enqueue(
                Response.toolCall("call_1", "licenceOf", "{\"packageName\": \"left-pad\"}"), Response.answer(ANSWER));
        // when
        consult(architect(List.of(new LangChainArchitectTest.LicenceLookup())));
        // then
        assertThat(progress.statuses()).contains(Toolbox.LOOKING_UP);
    }

    @Test
    void invalid_streamed_json_is_repaired_and_the_repaired_answer_is_returned_while_the_repair_is_not_drafted() {
        // given: a reply that starts as an answer and turns into junk; the repair is a different, valid answer
        String broken = "{\"summary\": \"Half an answer.\", \"criticalIssues\": [\"One\"], \"analysis\": nope";
        model.enqueue(Response.content(broken), Response.answer(ANSWER));
        // when
        ConsultationAnswer answer = consult(architect(List.of()));
        // then
        assertThat(answer).isEqualTo(ANSWER);
        assertThat(progress.drafts())
                .isNotEmpty()
                .allSatisfy(draft -> assertThat(draft.sofar().summary())
                        .isEqualTo("Half an answer."
                                .substring(0, draft.sofar().summary().length())));
        int repairing = progress.events.indexOf("status: " + LangChainArchitect.REPAIRING);
        assertThat(repairing).isPositive();
        assertThat(progress.events.subList(repairing, progress.events.size())).singleElement();
    }

    @Test
    void a_stream_that_breaks_off_mid_answer_is_a_retryable_failure_and_is_not_retried() {
        // given: the client may retry twice, but the user has already seen the start of this answer
        model.enqueue(Response.answer(ANSWER).cutAfter(20));
        var architect = architect(model.settings(Duration.ofSeconds(10), 2), List.of());
        // when / then
        assertThatThrownBy(() -> consult(architect))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("openai")
                .hasMessageContaining(model.baseUrl());
        assertThat(model.requests()).hasSize(1);
        assertThat(progress.drafts()).isNotEmpty();
    }

    @Test
    void a_model_that_falls_silent_mid_stream_times_out_after_the_model_timeout() {
        // given: one token a second against a timeout of 300 ms
        model.streamingAt(1).enqueue(Response.answer(ANSWER));
        var architect = architect(model.settings(Duration.ofMillis(300), 0), List.of());
        // when / then
        assertThatThrownBy(() -> consult(architect))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("no answer within");
    }

    @Test
    void an_interrupted_worker_stops_waiting_at_once_and_the_stream_is_cancelled() {
        // given: a long answer written slowly
        model.streamingAt(20).enqueue(Response.answer(Answers.withFindings(30)));
        var architect = architect(List.of());
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            worker.set(Thread.currentThread());
            try {
                architect.consult(List.of(), Question.of("Scale?"), TenantPreferences.DEFAULTS, progress);
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !progress.drafts().isEmpty());
        // when: the queue interrupts it (deadline, takeover)
        long interrupted = System.nanoTime();
        worker.get().interrupt();
        // then
        Throwable failure = outcome.orTimeout(2, TimeUnit.SECONDS).join();
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(2));
        assertThat(failure).isInstanceOf(RetryableFailure.class).hasMessageContaining("interrupted");
        await().atMost(Duration.ofSeconds(5)).until(() -> model.streamsCutShort() == 1);
        assertThat(model.streamsEnded()).isZero();
    }

    @Test
    void hostile_streamed_text_never_breaks_the_consultation() {
        // given: control characters, NUL and deeply nested junk, then a repair
        String hostile = "{\"summary\": \"a\\u0000b\u0007\", \"criticalIssues\": " + "[".repeat(5_000) + "\"x\"";
        model.enqueue(Response.content(hostile), Response.answer(ANSWER));
        // when
        ConsultationAnswer answer = consult(architect(List.of()));
        // then
        assertThat(answer).isEqualTo(ANSWER);
        assertThat(progress.drafts())
                .allSatisfy(draft -> assertThat(draft.sofar().summary()).doesNotContain("\u0000", "\u0007"));
    }

    @Test
    void streamed_token_usage_is_counted_in_the_reply_and_the_metrics() {
        // given
        model.enqueue(Response.answer(ANSWER));
        // when
        var reply = architect(List.of()).consult(List.of(), Question.of("SSO?"), TenantPreferences.DEFAULTS, progress);
        // then: the fake reports 10 in, 10 out
        assertThat(reply.usage().inputTokens()).isEqualTo(10);
        assertThat(reply.usage().outputTokens()).isEqualTo(10);
        assertThat(metrics.get(ModelMetrics.TOKENS)
                        .tag("direction", "out")
                        .counter()
                        .count())
                .isEqualTo(10);
        assertThat(metrics.get(ModelMetrics.LATENCY)
                        .tag("outcome", "ok")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private ConsultationAnswer consult(LangChainArchitect architect) {
        return architect
                .consult(List.of(), Question.of("Should we add SSO?"), TenantPreferences.DEFAULTS, progress)
                .answer();
    }

    private LangChainArchitect architect(List<?> tools) {
        return architect(model.settings(), tools);
    }

    private LangChainArchitect architect(ModelSettings settings, List<?> tools) {
        return new LangChainArchitect(ChatModels.create(settings), settings, tools, metrics);
    }

    /** Records status lines and drafts in the order they came. */
    private static class Progress implements AnswerProgress {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final List<AnswerDraft> drafts = new CopyOnWriteArrayList<>();

        @Override
        public void status(String line) {
            events.add("status: " + line);
        }

        @Override
        public void draft(AnswerDraft draft) {
            drafts.add(draft);
            events.add("draft: " + draft.writing());
        }

        List<AnswerDraft> drafts() {
            return List.copyOf(drafts);
        }

        List<String> statuses() {
            return events.stream()
                    .filter(e -> e.startsWith("status: "))
                    .map(e -> e.substring("status: ".length()))
                    .toList();
        }
    }

    /** The licence feature for a tool whose status line is under test: every check finds nothing. */
    private static final class NoLicences implements LicenceChecks {
        @Override
        public LicenceReport check(String request, List<FileText> files, Optional<DistributionModel> tenantPolicy) {
            throw new UnsupportedOperationException("not asked in these tests");
        }

        @Override
        public String checkForAgent(
                List<String> packageSpecs, String distributionModel, Optional<DistributionModel> tenantPolicy) {
            return "no licence data";
        }
    }
}
