package com.architectbot.knowledge.documents;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A document read from its file: its title, what kind it is and its sections.
 *
 * @param status a decision record's status ({@code accepted}, {@code proposed}, {@code superseded}...), or empty
 * @param date a decision record's date as written, or empty
 */
public record ReadDocument(
        String title, DocumentKind kind, String status, String date, List<DocumentSection> sections) {

    public ReadDocument {
        requireNonNull(title, "title");
        requireNonNull(kind, "kind");
        requireNonNull(status, "status");
        requireNonNull(date, "date");
        sections = List.copyOf(sections);
    }

    /** Whether it is a decision record that has been accepted (and so binds the answers). */
    public boolean accepted() {
        return kind == DocumentKind.DECISION_RECORD && status.strip().equalsIgnoreCase("accepted");
    }
}
