package com.architectbot.core.knowledge;

import static java.util.Objects.requireNonNull;

/**
 * A passage of a tenant's own knowledge (a standard, a guideline, a decision record) found relevant to a
 * question. It goes to the model as reference data, never as instructions.
 *
 * @param documentId the document's id in the tenant's knowledge ({@code knowledge show <id>})
 * @param document the document's title
 * @param standing what the document is, for the model to weigh it: {@code decision record, accepted},
 *     {@code decision record, superseded}, {@code company document}
 * @param section the heading path of the passage within the document, e.g. {@code Decision}
 * @param text the passage as written
 * @param link where the document lives (a wiki page, a repository file), or empty
 * @param relevance how close the passage is to the question, 0 to 1
 */
public record Passage(
        String documentId,
        String document,
        String standing,
        String section,
        String text,
        String link,
        double relevance) {

    public Passage {
        requireNonNull(documentId, "documentId");
        requireNonNull(document, "document");
        requireNonNull(standing, "standing");
        requireNonNull(section, "section");
        requireNonNull(text, "text");
        requireNonNull(link, "link");
    }
}
