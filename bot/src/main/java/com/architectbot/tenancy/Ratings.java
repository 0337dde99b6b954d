package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.Feedback;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.answer.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Thumbs up and down on answers: remembers each consultation's answer (model, asker, time) when it is metered, and
 * keeps a rating only for an answer found in the rater's own tenant, the model always the answer's. One rating per
 * user and answer: a later click replaces the earlier, and {@value #METRIC} counts a user's rating again only
 * when it changes, so a replayed click is counted once.
 */
record Ratings(AnswerRatings store, AuditTrail audit, MeterRegistry metrics, Clock clock) implements AnswerFeedback {

    /** How long an answer can be rated, and a rating is kept and reported. */
    static final Duration KEPT = Duration.ofDays(30);
    /** The counter of ratings by model and rating: {@code architect_feedback_total} in Prometheus. */
    static final String METRIC = "architect.feedback";
    /** The model of an answer that named none (answered from memory, with no model call). */
    static final String NO_MODEL = "unknown";

    Ratings {
        requireNonNull(store, "store");
        requireNonNull(audit, "audit");
        requireNonNull(metrics, "metrics");
        requireNonNull(clock, "clock");
    }

    /** A consultation's answer can be rated from now on; other kinds of reply cannot. */
    void answered(Inquiry inquiry, TokenUsage usage) {
        if (inquiry.kind() != InquiryKind.CONSULTATION) {
            return;
        }
        String model = usage.model().isBlank() ? NO_MODEL : usage.model();
        store.answered(
                TenantId.of(inquiry.thread()),
                new RatedAnswer(
                        inquiry.id().value(),
                        model,
                        inquiry.user(),
                        inquiry.thread().id(),
                        clock.instant()));
    }

    @Override
    public Outcome record(Feedback feedback) {
        TenantId tenant = new TenantId(feedback.surface(), feedback.tenant());
        Instant now = clock.instant();
        Optional<RatedAnswer> answer = store.answer(tenant, feedback.inquiry().value(), now.minus(KEPT));
        if (answer.isEmpty()) {
            return Outcome.UNKNOWN_ANSWER;
        }
        String model = answer.get().model();
        Optional<AnswerRating> replaced = store.rate(
                tenant,
                new AnswerRating(
                        feedback.inquiry().value(),
                        feedback.user(),
                        model,
                        feedback.rating(),
                        feedback.comment(),
                        now));
        if (replaced.map(AnswerRating::rating).filter(feedback.rating()::equals).isPresent()) {
            return Outcome.RECORDED; // the same user repeating a rating: stored (a comment may be new), not news
        }
        Counter.builder(METRIC)
                .description("Users' thumbs up and down on answers, by the answer's model (latest per user)")
                .tag("model", model)
                .tag("rating", feedback.rating().id())
                .register(metrics)
                .increment();
        audit.rated(tenant, feedback, answer.get());
        return Outcome.RECORDED;
    }

    /** The usage report's section: per model, how many of the rated answers were helpful. */
    String report(TenantId tenant) {
        StringBuilder text = new StringBuilder("\nFeedback (last " + KEPT.toDays() + " days)\n");
        Map<String, int[]> byModel = new TreeMap<>(); // model -> {helpful, rated}
        for (AnswerRating rating : store.since(tenant, clock.instant().minus(KEPT))) {
            int[] counts = byModel.computeIfAbsent(rating.model(), model -> new int[2]);
            counts[0] += rating.rating() == Feedback.Rating.UP ? 1 : 0;
            counts[1]++;
        }
        if (byModel.isEmpty()) {
            return text.append("• no feedback yet\n").toString();
        }
        byModel.forEach((model, counts) -> text.append("• %s: %,d of %,d helpful (%d%%)\n"
                .formatted(model, counts[0], counts[1], Math.round(100.0 * counts[0] / counts[1]))));
        return text.toString();
    }

    /** The user's own ratings, for their export. */
    List<AnswerRating> of(TenantId tenant, String user) {
        return store.of(tenant, user);
    }
}
