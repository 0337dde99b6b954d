package com.architectbot.knowledge.documents;

import static java.util.Objects.requireNonNull;

/**
 * A file an admin adds as knowledge. Its bytes are data: parsed, never executed, and no link in it is fetched.
 *
 * @param fileName the name it was sent or found under, e.g. {@code 0007-use-postgres.md}
 * @param link where the document lives (a wiki page, a repository file), or empty
 */
public record Upload(String fileName, byte[] bytes, String link) {

    public Upload {
        requireNonNull(fileName, "fileName");
        requireNonNull(bytes, "bytes");
        requireNonNull(link, "link");
    }

    @Override
    public String toString() {
        return "Upload[" + fileName + ", " + bytes.length + " bytes]";
    }
}
