package com.architectbot.core;

import static java.util.Objects.requireNonNull;

/**
 * A file a user sent, as text: what a licence check reads as a manifest. Its content is the user's and
 * stays out of logs.
 *
 * @param fileName the name it was sent under, empty when it came without one
 */
public record FileText(String fileName, String content) {

    public FileText {
        requireNonNull(content, "content");
        fileName = fileName == null ? "" : fileName;
    }

    @Override
    public String toString() {
        return "FileText[" + fileName + ", " + content.length() + " chars]";
    }
}
