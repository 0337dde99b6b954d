package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

/**
 * A passage of the tenant's knowledge the answer relies on, as the Sources line shows it.
 *
 * @param document the document's title
 * @param section the section within it
 * @param link where the document lives, or empty
 * @param conflict empty, or what in the answer departs from this standard or accepted decision, and why
 */
public record Source(String document, String section, String link, String conflict) {

    public Source {
        requireNonNull(document, "document");
        section = section == null ? "" : section;
        link = link == null ? "" : link;
        conflict = conflict == null ? "" : conflict;
    }

    /** Whether the answer departs from this source. */
    public boolean conflicts() {
        return !conflict.isBlank();
    }
}
