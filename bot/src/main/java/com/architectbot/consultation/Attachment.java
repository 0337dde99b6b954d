package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

/** A file the user sent with a request, such as a manifest for a licence check; already downloaded. */
public record Attachment(String fileName, String content) {

    public Attachment {
        fileName = fileName == null ? "" : fileName;
        requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + content.length() + " chars]"; // no file body in logs
    }
}
