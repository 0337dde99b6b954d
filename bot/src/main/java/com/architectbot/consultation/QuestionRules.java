package com.architectbot.consultation;

import com.architectbot.core.PermanentFailure;

/** What makes a question acceptable before any slow work is spent on it. */
public final class QuestionRules {

    public static final int DEFAULT_MAX_QUESTION_CHARS = 12_000;

    private final int maxChars;

    public QuestionRules(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("MAX_QUESTION_CHARS must be positive, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /**
     * The question, stripped.
     *
     * @throws PermanentFailure when it is empty or too long; its user message says how to fix it
     */
    public String check(String question) {
        String text = question == null ? "" : question.strip();
        if (text.isEmpty()) {
            throw new PermanentFailure("Your message was empty. Ask me an architecture question, for example: "
                    + "\"We're about to launch our API to 50 enterprise customers: what should we check first?\"");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            throw new PermanentFailure("Your question is %,d characters long; the limit is %,d. Please shorten it, "
                            .formatted(length, maxChars)
                    + "or split it into a few messages in this thread: I remember the thread.");
        }
        return text;
    }
}
