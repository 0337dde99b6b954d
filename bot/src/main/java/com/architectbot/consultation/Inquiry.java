package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ThreadKey;

/** A platform-neutral request: what every channel turns its events into. */
public record Inquiry(InquiryId id, InquiryKind kind, ThreadKey thread, String user, String text) {

    public Inquiry {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(thread, "thread");
        requireNonNull(user, "user");
        text = text == null ? "" : text;
    }

    @Override
    public String toString() {
        return "Inquiry[id=" + id + ", kind=" + kind + ", thread=" + thread + "]"; // no message body in logs
    }
}
