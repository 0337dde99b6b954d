package com.architectbot.tenancy;

import com.architectbot.core.Feedback;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.answer.TokenUsage;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the audit log's entries from what happened: an answer, a refusal, a command's outcome, an erasure.
 * The one place that words an entry's outcome ({@code answered}, {@code refused:<limit>}, {@code done},
 * {@code denied}, {@code erased}).
 *
 * @param content whether entries carry the message text ({@code AUDIT_CONTENT})
 */
record AuditTrail(AuditLog log, boolean content, Clock clock) {

    /** The outcome of an erasure. */
    static final String ERASED = "erased";
    /** The thread an operator's erasure is recorded in: it has none. */
    static final String OPERATOR_THREAD = "operator";
    /** Who and where a {@code forget-me} is recorded as: the entry says that it happened, not whose it was. */
    static final String FORGOTTEN = "forgotten";
    /** The kind of a rating's entry. */
    static final String FEEDBACK = "feedback";

    void answered(Inquiry inquiry, TokenUsage usage) {
        append(inquiry, "answered", usage);
    }

    void refused(Inquiry inquiry, Refusal refusal) {
        append(inquiry, "refused:" + refusal.limit().name().toLowerCase(Locale.ROOT), TokenUsage.NONE);
    }

    /** An erasure leaves one entry, written after it: who erased, and when; a {@code forget-me} not even whose. */
    void command(Inquiry inquiry, CommandOutcome outcome) {
        TenantId tenant = TenantId.of(inquiry.thread());
        switch (outcome) {
            case CommandOutcome.Shown shown -> append(inquiry, "done", TokenUsage.NONE);
            case CommandOutcome.Exported exported -> append(inquiry, "done", TokenUsage.NONE);
            case CommandOutcome.Denied denied -> append(inquiry, "denied", TokenUsage.NONE);
            case CommandOutcome.Erased erased ->
                log.append(tenant, erasure(inquiry.user(), inquiry.thread().id()));
            case CommandOutcome.Forgotten forgotten ->
                log.append(
                        tenant,
                        new AuditEntry(
                                clock.instant(),
                                FORGOTTEN,
                                Commands.word(InquiryKind.FORGET_ME),
                                FORGOTTEN,
                                ERASED,
                                TokenUsage.NONE,
                                Optional.empty()));
        }
    }

    /** A user rated an answer: who, where and how, with the answer's model; never the comment. */
    void rated(TenantId tenant, Feedback feedback, RatedAnswer answer) {
        log.append(
                tenant,
                new AuditEntry(
                        clock.instant(),
                        feedback.user(),
                        FEEDBACK,
                        answer.thread(),
                        "rated:" + feedback.rating().id(),
                        new TokenUsage(answer.model(), 0, 0),
                        Optional.empty()));
    }

    /** The operator erased the tenant. */
    void erasedByOperator(TenantId tenant, String operator) {
        log.append(tenant, erasure(operator, OPERATOR_THREAD));
    }

    private AuditEntry erasure(String by, String thread) {
        return new AuditEntry(
                clock.instant(),
                by,
                Commands.word(InquiryKind.ERASE_ALL_DATA),
                thread,
                ERASED,
                TokenUsage.NONE,
                Optional.empty());
    }

    private void append(Inquiry inquiry, String outcome, TokenUsage usage) {
        boolean withText = content && !inquiry.text().isEmpty() && inquiry.kind() != InquiryKind.ERASE_ALL_DATA;
        log.append(
                TenantId.of(inquiry.thread()),
                new AuditEntry(
                        clock.instant(),
                        inquiry.user(),
                        Commands.word(inquiry.kind()),
                        inquiry.thread().id(),
                        outcome,
                        usage,
                        withText ? Optional.of(inquiry.text()) : Optional.empty()));
    }
}
