package com.architectbot.knowledge;

import com.architectbot.core.knowledge.DecisionRecord;

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
}
