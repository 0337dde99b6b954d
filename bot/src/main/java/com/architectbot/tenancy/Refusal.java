package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Reply;

/**
 * An inquiry refused before any slow work: the limit it hit, and the notice that says which, when it resets
 * and who can raise it.
 */
record Refusal(Admission limit, String notice) {

    Refusal {
        requireNonNull(limit, "limit");
        requireNonNull(notice, "notice");
        if (limit == Admission.ADMITTED) {
            throw new IllegalArgumentException("an admitted inquiry is not refused");
        }
    }

    Reply reply() {
        return new Reply.Notice(Reply.Tone.REJECTED, notice);
    }
}
