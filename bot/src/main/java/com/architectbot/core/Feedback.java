package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import com.architectbot.core.redaction.SecretRedactor;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's thumbs up or down on one answer, as a channel heard it. Which answer is named only by its inquiry id
 * (hostile until the tenancy finds that inquiry in the same tenant); the model is never taken from the platform.
 * A comment is capped and redacted the moment the record exists, so no store, log or export holds a pasted secret.
 *
 * @param tenant the workspace the click came from (a Slack team, a Teams tenant): where the answer is looked for
 * @param comment what the user wrote, if anything (never the answer's or the question's text)
 */
public record Feedback(
        Surface surface, String tenant, String user, InquiryId inquiry, Rating rating, Optional<String> comment) {

    /** The longest comment kept; the rest is cut off. */
    public static final int MAX_COMMENT_CHARS = 1_000;

    /** Thumbs up (helpful) or down. */
    public enum Rating {
        UP,
        DOWN;

        /** {@code up} or {@code down}: the word in metrics, exports and button values. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Feedback {
        requireNonNull(surface, "surface");
        requireNonNull(tenant, "tenant");
        requireNonNull(user, "user");
        requireNonNull(inquiry, "inquiry");
        requireNonNull(rating, "rating");
        if (tenant.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException("feedback needs a tenant and a user");
        }
        comment = requireNonNull(comment, "comment").map(Feedback::kept).filter(text -> !text.isBlank());
    }

    /**
     * Redacts a window twice the cap (so a secret cut at the cap is still seen whole), then cuts to the cap: the
     * redactor never runs over a megabyte of hostile text.
     */
    private static String kept(String text) {
        String window = text.length() > 2 * MAX_COMMENT_CHARS ? text.substring(0, 2 * MAX_COMMENT_CHARS) : text;
        String redacted = SecretRedactor.redact(window).strip();
        return redacted.length() > MAX_COMMENT_CHARS ? redacted.substring(0, MAX_COMMENT_CHARS) : redacted;
    }

    @Override
    public String toString() {
        return "Feedback[" + surface.id() + ":" + tenant + ", " + inquiry + ", " + rating.id() + ", comment="
                + comment.isPresent() + "]"; // no comment text in logs
    }
}
