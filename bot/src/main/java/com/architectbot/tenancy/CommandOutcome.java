package com.architectbot.tenancy;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Reply;

/**
 * What a tenancy command did, decided where it ran. The audit trail records it by type and the user's reply
 * is built from it, so nothing downstream guesses the outcome from a reply's tone or text.
 */
sealed interface CommandOutcome {

    /** The command ran and shows its result: a usage report, the settings, the erasure prompt. */
    record Shown(String text) implements CommandOutcome {}

    /** The user's data, as a file. */
    record Exported(Reply.Export file) implements CommandOutcome {}

    /** Not done: a member asked for an admin's command, or the arguments were wrong; the text says what to do. */
    record Denied(String text) implements CommandOutcome {}

    /** All of the tenant's data was erased at an admin's confirmed request; its plan stays. */
    record Erased(Surface surface) implements CommandOutcome {}

    /** Everything kept under the user's name was erased; {@code messages} of theirs were in conversations. */
    record Forgotten(int messages) implements CommandOutcome {
        public Forgotten {
            if (messages < 0) {
                throw new IllegalArgumentException("messages must not be negative, was " + messages);
            }
        }
    }

    /** The reply the user gets. */
    default Reply reply() {
        return switch (this) {
            case Shown shown -> new Reply.Notice(Reply.Tone.INFO, shown.text());
            case Exported exported -> exported.file();
            case Denied denied -> new Reply.Notice(Reply.Tone.REJECTED, denied.text());
            case Erased erased -> new Reply.Notice(Reply.Tone.INFO, ErasureTexts.done(erased.surface()));
            case Forgotten forgotten -> new Reply.Notice(Reply.Tone.INFO, forgottenText(forgotten.messages()));
        };
    }

    private static String forgottenText(int messages) {
        return (messages == 0
                        ? "I kept no conversations of yours in this workspace. "
                        : "Done: I erased %d of your messages and my answers to them, in every thread of this workspace. "
                                        .formatted(messages)
                                + "Other people's messages in shared threads stay. ")
                + "Your usage counters, your entries in the audit log and anything waiting for you are erased too.";
    }
}
