package com.architectbot.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.Feedback;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.UserRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Thumbs up and down on answers, through tenancy's front door on real Redis and the real consultation path. */
class RatingsTest {

    private final TenancyFixture f = new TenancyFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Inquiry answered(String user) {
        Inquiry inquiry = f.ask(user, f.thread("1." + UUID.randomUUID()), "Should we shard?");
        f.handler.process(inquiry);
        return inquiry;
    }

    private AnswerFeedback.Outcome rate(String user, Inquiry answer, Feedback.Rating rating, String comment) {
        return f.tenancy.record(
                new Feedback(Surface.SLACK, f.tenant, user, answer.id(), rating, Optional.ofNullable(comment)));
    }

    private double counted(Feedback.Rating rating) {
        Counter counter = f.metrics
                .find(Ratings.METRIC)
                .tags("model", f.model.settings().modelName(), "rating", rating.id())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String usage() {
        return ((Reply.Notice)
                        f.handler.process(f.inquiry(InquiryKind.USAGE, "UADMIN", f.thread("c"), "", UserRole.ADMIN)))
                .text();
    }

    private JsonNode export(String user) throws Exception {
        Reply reply = f.handler.process(f.inquiry(InquiryKind.EXPORT, user, f.thread("c"), "", UserRole.MEMBER));
        return new ObjectMapper().readTree(((Reply.Export) reply).json());
    }

    @Test
    void ratings_are_counted_by_the_answers_model_and_shown_to_admins_as_the_helpful_share() {
        // given
        Inquiry first = answered("U1");
        Inquiry second = answered("U2");
        // when
        assertThat(rate("U1", first, Feedback.Rating.UP, null)).isEqualTo(AnswerFeedback.Outcome.RECORDED);
        assertThat(rate("U3", first, Feedback.Rating.UP, null)).isEqualTo(AnswerFeedback.Outcome.RECORDED);
        assertThat(rate("U2", second, Feedback.Rating.DOWN, "too vague")).isEqualTo(AnswerFeedback.Outcome.RECORDED);
        // then
        assertThat(counted(Feedback.Rating.UP)).isEqualTo(2);
        assertThat(counted(Feedback.Rating.DOWN)).isEqualTo(1);
        assertThat(usage())
                .contains("Feedback (last 30 days)", f.model.settings().modelName() + ": 2 of 3 helpful (67%)");
    }

    @Test
    void a_tenant_without_ratings_is_told_there_is_no_feedback_yet() {
        answered("U1");

        assertThat(usage()).contains("Feedback (last 30 days)", "no feedback yet");
    }

    @Test
    void a_replayed_click_counts_once_and_a_changed_one_replaces_the_users_rating() {
        // given
        Inquiry answer = answered("U1");
        rate("U1", answer, Feedback.Rating.UP, null);
        // when
        rate("U1", answer, Feedback.Rating.UP, null);
        rate("U1", answer, Feedback.Rating.UP, null);
        // then
        assertThat(counted(Feedback.Rating.UP)).isEqualTo(1);
        assertThat(usage()).contains(": 1 of 1 helpful (100%)");
        assertThat(ratedEntries()).containsExactly("rated:up");
        // when: they change their mind
        rate("U1", answer, Feedback.Rating.DOWN, null);
        rate("U1", answer, Feedback.Rating.DOWN, "still wrong");
        // then
        assertThat(counted(Feedback.Rating.DOWN)).isEqualTo(1);
        assertThat(usage()).contains(": 0 of 1 helpful (0%)");
        assertThat(ratedEntries()).containsExactlyInAnyOrder("rated:up", "rated:down");
    }

    /** The audit log's feedback entries, one per rating given or changed. */
    private List<String> ratedEntries() {
        return f.audit.recent(f.tenantId, 100).stream()
                .filter(entry -> entry.kind().equals("feedback"))
                .map(entry -> entry.outcome())
                .toList();
    }

    @Test
    void another_tenants_answer_an_unknown_one_and_one_too_old_record_nothing() {
        // given
        Inquiry answer = answered("U1");
        try (TenancyFixture other = new TenancyFixture()) {
            // when: a user of another tenant names this tenant's inquiry
            var outcome = other.tenancy.record(new Feedback(
                    Surface.SLACK, other.tenant, "U9", answer.id(), Feedback.Rating.DOWN, Optional.empty()));
            // then
            assertThat(outcome).isEqualTo(AnswerFeedback.Outcome.UNKNOWN_ANSWER);
        }
        assertThat(f.tenancy.record(new Feedback(
                        Surface.SLACK,
                        f.tenant,
                        "U1",
                        new com.architectbot.core.InquiryId("slack:EvNeverAsked"),
                        Feedback.Rating.UP,
                        Optional.empty())))
                .isEqualTo(AnswerFeedback.Outcome.UNKNOWN_ANSWER);
        f.clock.advance(Ratings.KEPT.plus(Duration.ofMinutes(1)));
        assertThat(rate("U1", answer, Feedback.Rating.UP, null)).isEqualTo(AnswerFeedback.Outcome.UNKNOWN_ANSWER);
        assertThat(counted(Feedback.Rating.UP) + counted(Feedback.Rating.DOWN)).isZero();
        assertThat(usage()).contains("no feedback yet");
    }

    @Test
    void a_licence_checks_reply_cannot_be_rated() {
        Inquiry check = f.inquiry(InquiryKind.LICENCE_CHECK, "U1", f.thread("3.3"), "c", UserRole.MEMBER);
        f.handler.process(check);

        assertThat(rate("U1", check, Feedback.Rating.UP, null)).isEqualTo(AnswerFeedback.Outcome.UNKNOWN_ANSWER);
    }

    @Test
    void a_comment_is_redacted_and_capped_before_it_is_kept_and_the_audit_entry_has_none() throws Exception {
        // given
        Inquiry answer = answered("U1");
        String token = "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        String huge = "x".repeat(1_000_000);
        // when
        rate("U1", answer, Feedback.Rating.DOWN, "it ignored our CI token " + token + " " + huge);
        // then
        assertThat(f.audit.recent(f.tenantId, 1)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("feedback");
            assertThat(entry.outcome()).isEqualTo("rated:down");
            assertThat(entry.user()).isEqualTo("U1");
            assertThat(entry.tokens().model()).isEqualTo(f.model.settings().modelName());
            assertThat(entry.text()).isEmpty();
        });
        JsonNode rating = export("U1").path("feedback").get(0);
        assertThat(rating.path("comment").asText())
                .startsWith("it ignored our CI token [redacted")
                .doesNotContain(token)
                .hasSize(Feedback.MAX_COMMENT_CHARS);
        assertThat(f.redis.client().hvals("ab:{tenant:" + f.tenantId + "}:ratings"))
                .noneMatch(stored -> stored.contains(token));
    }

    @Test
    void export_holds_the_users_own_ratings_with_inquiry_rating_comment_and_time() throws Exception {
        // given
        Inquiry answer = answered("U1");
        rate("U1", answer, Feedback.Rating.DOWN, "missed the cache");
        rate("U2", answer, Feedback.Rating.UP, "great");
        // when
        JsonNode feedback = export("U1").path("feedback");
        // then
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).path("inquiryId").asText())
                .isEqualTo(answer.id().value());
        assertThat(feedback.get(0).path("rating").asText()).isEqualTo("down");
        assertThat(feedback.get(0).path("comment").asText()).isEqualTo("missed the cache");
        assertThat(feedback.get(0).path("at").asText())
                .isEqualTo(f.clock.instant().toString());
        // and a user who only rated (asked nothing) still gets an export
        assertThat(export("U2").path("feedback").get(0).path("rating").asText()).isEqualTo("up");
    }

    @Test
    void forget_me_erases_the_users_ratings_and_answers_and_leaves_everyone_elses() throws Exception {
        // given
        Inquiry mine = answered("U1");
        Inquiry theirs = answered("U2");
        rate("U1", theirs, Feedback.Rating.DOWN, "no");
        rate("U2", theirs, Feedback.Rating.UP, null);
        rate("U2", mine, Feedback.Rating.UP, null);
        // when
        f.handler.process(f.inquiry(InquiryKind.FORGET_ME, "U1", f.thread("c"), "", UserRole.MEMBER));
        // then: U1's rating is gone, and so is the record of U1's answer (it names the asker)
        assertThat(f.ratings.of(f.tenantId, "U1")).isEmpty();
        assertThat(f.ratings.of(f.tenantId, "U2")).hasSize(2);
        assertThat(rate("U2", mine, Feedback.Rating.DOWN, null)).isEqualTo(AnswerFeedback.Outcome.UNKNOWN_ANSWER);
        assertThat(usage()).contains(": 2 of 2 helpful (100%)");
    }

    @Test
    void erasing_the_tenant_erases_every_rating_and_answer() {
        // given
        Inquiry answer = answered("U1");
        rate("U2", answer, Feedback.Rating.UP, null);
        // when
        f.tenancy.erase(f.tenantId);
        // then
        assertThat(f.ratings.since(f.tenantId, f.clock.instant().minus(Ratings.KEPT)))
                .isEmpty();
        assertThat(f.redis.client().keys("ab:{tenant:" + f.tenantId + "}:*rat*"))
                .isEmpty();
        assertThat(f.redis.client().keys("ab:{tenant:" + f.tenantId + "}:answers*"))
                .isEmpty();
        assertThat(rate("U2", answer, Feedback.Rating.UP, null)).isEqualTo(AnswerFeedback.Outcome.UNKNOWN_ANSWER);
    }

    @Test
    void a_rating_older_than_thirty_days_is_neither_reported_nor_exported() {
        // given
        Inquiry answer = answered("U1");
        rate("U1", answer, Feedback.Rating.UP, "fine");
        // when
        f.clock.advance(Ratings.KEPT.plus(Duration.ofMinutes(1)));
        // then
        assertThat(f.ratings.of(f.tenantId, "U1")).isEmpty();
        assertThat(usage()).contains("no feedback yet");
    }
}
