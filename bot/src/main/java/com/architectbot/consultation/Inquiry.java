package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ThreadKey;
import java.util.List;

/**
 * A platform-neutral request: what every channel turns its events into.
 *
 * @param files files sent with the request (a manifest for a licence check): where they are, not their
 *     content; a worker fetches them through the surface's {@link FileSource}
 */
public record Inquiry(InquiryId id, InquiryKind kind, ThreadKey thread, String user, String text,
                      List<InquiryFile> files) {

    public Inquiry {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(thread, "thread");
        requireNonNull(user, "user");
        text = text == null ? "" : text;
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** An inquiry without files. */
    public Inquiry(InquiryId id, InquiryKind kind, ThreadKey thread, String user, String text) {
        this(id, kind, thread, user, text, List.of());
    }

    @Override
    public String toString() {
        return "Inquiry[id=" + id + ", kind=" + kind + ", thread=" + thread + ", files=" + files.size() + "]"; // no message body in logs
    }
}
