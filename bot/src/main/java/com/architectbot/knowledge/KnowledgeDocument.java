package com.architectbot.knowledge;

import static java.util.Objects.requireNonNull;

import com.architectbot.knowledge.documents.DocumentKind;
import java.time.Instant;

/**
 * A document in a tenant's knowledge, as {@code knowledge list} shows it.
 *
 * @param id short and typeable ({@code k7}), unique within the tenant
 * @param status a decision record's status, or empty
 * @param date a decision record's date as written, or empty
 * @param link where the document lives, or empty
 * @param fileName the file it was read from
 * @param addedBy the platform user id of the admin who added it ({@code cli} for an import)
 * @param passages how many passages it was split into
 */
public record KnowledgeDocument(
        String id,
        String title,
        DocumentKind kind,
        String status,
        String date,
        String link,
        String fileName,
        String addedBy,
        Instant addedAt,
        int passages) {

    public KnowledgeDocument {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(kind, "kind");
        requireNonNull(status, "status");
        requireNonNull(date, "date");
        requireNonNull(link, "link");
        requireNonNull(fileName, "fileName");
        requireNonNull(addedBy, "addedBy");
        requireNonNull(addedAt, "addedAt");
    }

    /** What the document is, for the model to weigh it: {@code decision record, accepted} or {@code company document}. */
    public String standing() {
        return switch (kind) {
            case DECISION_RECORD -> "decision record" + (status.isBlank() ? "" : ", " + status.strip());
            case DOCUMENT -> "company document";
        };
    }
}
