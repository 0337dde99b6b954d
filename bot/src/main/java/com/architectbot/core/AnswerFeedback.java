package com.architectbot.core;

/**
 * Where the channels hand a thumbs up or down on an answer: the tenancy feature implements it. Fast enough for a
 * request thread (one Redis round trip or two): it never calls a model or a platform.
 */
public interface AnswerFeedback {

    /** Whether the feedback was kept. */
    enum Outcome {
        /** The answer was found in the user's tenant and the rating (and comment) kept: the user's latest counts. */
        RECORDED,
        /** No such answer in this tenant (too old, erased, another tenant's, or never given): nothing is kept. */
        UNKNOWN_ANSWER
    }

    Outcome record(Feedback feedback);

    /** Keeps nothing: for channels built without tenancy (tests of other parts). */
    AnswerFeedback NONE = feedback -> Outcome.UNKNOWN_ANSWER;
}
