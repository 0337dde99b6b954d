package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.answer.TokenUsage;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of a tenant's audit log: who asked for what, where, when, with what outcome and tokens.
 *
 * @param kind the inquiry kind or command, e.g. {@code consultation}, {@code settings}
 * @param thread the conversation key
 * @param outcome {@code answered}, {@code refused:<limit>}, {@code done}, {@code denied} or {@code erased}, as
 *     {@link AuditTrail} words them
 * @param text the message text, only when {@code AUDIT_CONTENT=true}
 */
public record AuditEntry(
        Instant at, String user, String kind, String thread, String outcome, TokenUsage tokens, Optional<String> text) {

    public AuditEntry {
        requireNonNull(at, "at");
        requireNonNull(user, "user");
        requireNonNull(kind, "kind");
        requireNonNull(thread, "thread");
        requireNonNull(outcome, "outcome");
        requireNonNull(tokens, "tokens");
        requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "AuditEntry[" + at + ", " + kind + ", " + outcome + "]"; // no user content in logs
    }
}
