package com.architectbot.consultation;

import com.architectbot.config.Environment;
import java.time.Duration;

/**
 * How consultations are bounded.
 *
 * @param maxQuestionChars longer questions are refused with a clear reply ({@code MAX_QUESTION_CHARS})
 * @param contextMaxTokens how much of the thread's history is sent to the model ({@code CONTEXT_MAX_TOKENS})
 * @param threadLockWait how long a message waits for an earlier one of its thread to be answered
 */
public record ConsultationSettings(int maxQuestionChars, int contextMaxTokens, Duration threadLockWait) {

    public static final int DEFAULT_CONTEXT_MAX_TOKENS = 8_000;
    public static final Duration DEFAULT_THREAD_LOCK_WAIT = Duration.ofMinutes(2);

    public static final ConsultationSettings DEFAULTS = new ConsultationSettings(
            QuestionRules.DEFAULT_MAX_QUESTION_CHARS, DEFAULT_CONTEXT_MAX_TOKENS, DEFAULT_THREAD_LOCK_WAIT);

    public static ConsultationSettings from(Environment env) {
        return new ConsultationSettings(
                env.integer("MAX_QUESTION_CHARS", QuestionRules.DEFAULT_MAX_QUESTION_CHARS, 1),
                env.integer("CONTEXT_MAX_TOKENS", DEFAULT_CONTEXT_MAX_TOKENS, 0),
                DEFAULT_THREAD_LOCK_WAIT);
    }

    public ConsultationSettings {
        if (maxQuestionChars < 1) {
            throw new IllegalArgumentException("MAX_QUESTION_CHARS must be positive, was " + maxQuestionChars);
        }
        if (contextMaxTokens < 0) {
            throw new IllegalArgumentException("CONTEXT_MAX_TOKENS must not be negative, was " + contextMaxTokens);
        }
    }
}
