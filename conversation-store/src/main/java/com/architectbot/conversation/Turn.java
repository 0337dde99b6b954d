package com.architectbot.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One exchange in a thread: the (already redacted) question and the answer the model gave, as the
 * JSON text it was returned in. {@code inquiryId} makes remembering idempotent: a redelivered job
 * finds its turn instead of asking the model again.
 */
public record Turn(String inquiryId, String user, String question, String answer, Instant at) {

    public Turn {
        requireNonNull(inquiryId, "inquiryId");
        requireNonNull(user, "user");
        requireNonNull(question, "question");
        requireNonNull(answer, "answer");
        requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "Turn[inquiryId=" + inquiryId + ", at=" + at + "]"; // never log message bodies
    }
}
