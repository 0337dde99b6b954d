package com.architectbot.knowledge;

import com.architectbot.core.knowledge.DecisionRecord;
import java.util.Optional;

/** Decision records written from threads, kept as proposed until an admin accepts one into the knowledge. */
public final class ProposedDecisions {

    private final KnowledgeLibrary library;

    public ProposedDecisions(KnowledgeLibrary library) {
        this.library = library;
    }

    /** Keeps the record as proposed; returns the id an admin accepts it by. */
    String propose(KnowledgeTenant tenant, DecisionRecord record) {
        throw new UnsupportedOperationException("decision records are not kept yet");
    }

    /**
     * Adds the proposed record to the tenant's knowledge as accepted, and forgets the proposal.
     *
     * @return the document it became, or empty when the tenant has no proposal of that id (never accepted, already
     *     accepted, or expired)
     */
    Optional<KnowledgeDocument> accept(KnowledgeTenant tenant, String id, String admin) {
        throw new UnsupportedOperationException("decision records are not accepted yet");
    }
}
