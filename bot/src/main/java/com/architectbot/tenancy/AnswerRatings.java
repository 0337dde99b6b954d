package com.architectbot.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answers that may be rated and their ratings, per tenant, each kept for {@link Ratings#KEPT}. Its entries
 * name users (the asker, the rater), so {@code forget-me} erases a user's and the tenant's erasure all of them.
 */
public interface AnswerRatings extends PersonalData {

    /** Remembers an answer; the first record of an inquiry stays (a redelivered job answers from memory). */
    void answered(TenantId tenant, RatedAnswer answer);

    /** The answer to this inquiry in this tenant, if it was recorded at or after {@code since}. */
    Optional<RatedAnswer> answer(TenantId tenant, String inquiry, Instant since);

    /** Keeps the user's rating of the answer, replacing theirs; returns the one it replaced. */
    Optional<AnswerRating> rate(TenantId tenant, AnswerRating rating);

    /** The tenant's ratings given at or after {@code since}. */
    List<AnswerRating> since(TenantId tenant, Instant since);

    /** The user's own ratings in this tenant. */
    List<AnswerRating> of(TenantId tenant, String user);
}
