package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.redaction.SecretRedactor;
import java.util.List;

/**
 * A platform-neutral request: what every channel turns its events into. Its text has been through the
 * {@link SecretRedactor} the moment it exists, so nothing that holds an inquiry (the queue, the dead letters,
 * thread memory, the audit log, the model, a log line) can hold a pasted secret.
 *
 * @param files files sent with the request (a manifest for a licence check): where they are, not their
 *     content; a worker fetches them through the surface's {@link FileSource}
 * @param role what the platform says the user is (admin or member); channels that cannot tell say member
 */
public record Inquiry(
        InquiryId id,
        InquiryKind kind,
        ThreadKey thread,
        String user,
        String text,
        List<InquiryFile> files,
        UserRole role) {

    public Inquiry {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(thread, "thread");
        requireNonNull(user, "user");
        text = text == null ? "" : SecretRedactor.redact(text);
        files = files == null ? List.of() : List.copyOf(files);
        role = role == null ? UserRole.MEMBER : role; // jobs queued before roles existed
    }

    /** An inquiry from a member (not known to be an admin). */
    public Inquiry(
            InquiryId id, InquiryKind kind, ThreadKey thread, String user, String text, List<InquiryFile> files) {
        this(id, kind, thread, user, text, files, UserRole.MEMBER);
    }

    /** An inquiry without files. */
    public Inquiry(InquiryId id, InquiryKind kind, ThreadKey thread, String user, String text) {
        this(id, kind, thread, user, text, List.of(), UserRole.MEMBER);
    }

    /** The same inquiry, answered in another thread (a slash command's, once its quote has started one). */
    public Inquiry inThread(ThreadKey other) {
        return new Inquiry(id, kind, other, user, text, files, role);
    }

    @Override
    public String toString() {
        return "Inquiry[id=" + id + ", kind=" + kind + ", thread=" + thread + ", files=" + files.size() + ", role="
                + role + "]"; // no message body in logs
    }
}
