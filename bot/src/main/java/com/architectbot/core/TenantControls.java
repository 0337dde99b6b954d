package com.architectbot.core;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.answer.TokenUsage;
import java.util.Optional;

/**
 * The commercial and data-rights controls around every inquiry: plan limits, the tenant's preferences,
 * metering and audit, and the commands that manage them. The tenancy feature implements it.
 */
public interface TenantControls {

    /** A reply that refuses the inquiry before any slow work is spent on it (a plan limit), or empty. */
    Optional<Reply> admit(Inquiry inquiry);

    /** The preferences of the thread's tenant. */
    TenantPreferences preferences(ThreadKey thread);

    /** Records an answered inquiry: metering and the audit log. */
    void record(Inquiry inquiry, TokenUsage usage);

    /**
     * Answers {@link InquiryKind#USAGE}, {@link InquiryKind#SETTINGS}, {@link InquiryKind#EXPORT},
     * {@link InquiryKind#FORGET_ME} and {@link InquiryKind#ERASE_ALL_DATA}.
     */
    Reply command(Inquiry inquiry);

    /** No limits, no metering, no tenancy commands: for the CLI and for tests of other features. */
    TenantControls NONE = new TenantControls() {
        @Override
        public Optional<Reply> admit(Inquiry inquiry) {
            return Optional.empty();
        }

        @Override
        public TenantPreferences preferences(ThreadKey thread) {
            return TenantPreferences.DEFAULTS;
        }

        @Override
        public void record(Inquiry inquiry, TokenUsage usage) {}

        @Override
        public Reply command(Inquiry inquiry) {
            return new Reply.Notice(
                    Reply.Tone.REJECTED,
                    "Usage, settings and data requests are available in Slack " + "and Teams, not here.");
        }
    };
}
