package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ThreadKey;
import java.util.List;

/**
 * A platform-neutral request: what every channel turns its events into.
 *
 * @param attachments files sent with the request (a manifest to check), downloaded by the channel; usually none
 */
public record Inquiry(InquiryId id, InquiryKind kind, ThreadKey thread, String user, String text,
                      List<Attachment> attachments) {

    public Inquiry {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(thread, "thread");
        requireNonNull(user, "user");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Inquiry(InquiryId id, InquiryKind kind, ThreadKey thread, String user, String text) {
        this(id, kind, thread, user, text, List.of());
    }

    @Override
    public String toString() {
        return "Inquiry[id=" + id + ", kind=" + kind + ", thread=" + thread + "]"; // no message body in logs
    }
}
