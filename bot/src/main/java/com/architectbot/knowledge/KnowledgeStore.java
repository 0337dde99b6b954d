package com.architectbot.knowledge;

import java.util.List;
import java.util.Optional;

/** Where each tenant's documents and their passages are kept; nothing is shared between tenants. */
public interface KnowledgeStore {

    /** A fresh document id for the tenant ({@code k1}, {@code k2}, ...). */
    String newId(KnowledgeTenant tenant);

    /** Keeps the document with its passages, replacing any document of the same id. */
    void save(KnowledgeTenant tenant, KnowledgeDocument document, List<StoredChunk> chunks);

    /** The tenant's documents, oldest first. */
    List<KnowledgeDocument> documents(KnowledgeTenant tenant);

    Optional<KnowledgeDocument> document(KnowledgeTenant tenant, String id);

    /** The passages of one document, in document order. */
    List<StoredChunk> chunks(KnowledgeTenant tenant, String documentId);

    /** Every passage of the tenant, for search. */
    List<StoredChunk> allChunks(KnowledgeTenant tenant);

    /** A number that changes whenever the tenant's knowledge does, so a search may cache it until then. */
    long version(KnowledgeTenant tenant);

    /** Removes a document and its passages; false when there was none. */
    boolean remove(KnowledgeTenant tenant, String id);

    /** Removes all of the tenant's knowledge. */
    void erase(KnowledgeTenant tenant);
}
