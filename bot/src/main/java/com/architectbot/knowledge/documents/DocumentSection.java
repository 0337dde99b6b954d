package com.architectbot.knowledge.documents;

import static java.util.Objects.requireNonNull;

/**
 * One section of a document as its author structured it.
 *
 * @param heading the heading path, e.g. {@code Databases › Choice}; empty for text before the first heading
 * @param text the section's text without its heading
 */
public record DocumentSection(String heading, String text) {

    public DocumentSection {
        requireNonNull(heading, "heading");
        requireNonNull(text, "text");
    }
}
