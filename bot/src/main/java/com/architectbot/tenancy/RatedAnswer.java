package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What is kept of a consultation's answer so that it can be rated: which model wrote it, for whom, where and when.
 * No question or answer text.
 *
 * @param thread the conversation key, for the audit entry of a rating
 */
public record RatedAnswer(String inquiry, String model, String asker, String thread, Instant at) {

    public RatedAnswer {
        requireNonNull(inquiry, "inquiry");
        requireNonNull(model, "model");
        requireNonNull(asker, "asker");
        requireNonNull(thread, "thread");
        requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "RatedAnswer[" + inquiry + ", " + model + ", " + at + "]";
    }
}
