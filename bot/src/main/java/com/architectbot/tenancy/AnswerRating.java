package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Feedback;
import java.time.Instant;
import java.util.Optional;

/**
 * One user's latest rating of one answer, as kept: the model is the answer's, the comment already capped and
 * redacted by {@link Feedback}.
 */
public record AnswerRating(
        String inquiry, String user, String model, Feedback.Rating rating, Optional<String> comment, Instant at) {

    public AnswerRating {
        requireNonNull(inquiry, "inquiry");
        requireNonNull(user, "user");
        requireNonNull(model, "model");
        requireNonNull(rating, "rating");
        requireNonNull(comment, "comment");
        requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "AnswerRating[" + inquiry + ", " + model + ", " + rating.id() + "]"; // no user content in logs
    }
}
