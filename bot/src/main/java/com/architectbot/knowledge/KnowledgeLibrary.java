package com.architectbot.knowledge;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.knowledge.CompanyKnowledge;
import com.architectbot.core.knowledge.Passage;
import com.architectbot.knowledge.documents.Chunk;
import com.architectbot.knowledge.documents.Chunker;
import com.architectbot.knowledge.documents.DocumentReader;
import com.architectbot.knowledge.documents.ReadDocument;
import com.architectbot.knowledge.documents.Upload;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each tenant's own standards and decisions: documents in (read, split by structure, embedded, stored), passages
 * out for the questions they bear on.
 */
public final class KnowledgeLibrary implements CompanyKnowledge {

    private final DocumentReader reader;
    private final Chunker chunker;
    private final Embedder embedder;
    private final KnowledgeStore store;
    private final Clock clock;

    public KnowledgeLibrary(
            DocumentReader reader, Chunker chunker, Embedder embedder, KnowledgeStore store, Clock clock) {
        this.reader = reader;
        this.chunker = chunker;
        this.embedder = embedder;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Adds a document to the tenant's knowledge.
     *
     * @throws com.architectbot.knowledge.documents.UnreadableDocument when the file cannot be read as a document;
     *     nothing is stored
     */
    public KnowledgeDocument add(KnowledgeTenant tenant, Upload upload, String addedBy) {
        ReadDocument read = reader.read(upload);
        List<Chunk> chunks = chunker.chunks(read);
        List<float[]> vectors = embedder.embed(
                chunks.stream().map(chunk -> embeddedText(read.title(), chunk)).toList());
        KnowledgeDocument document = new KnowledgeDocument(
                store.newId(tenant),
                read.title(),
                read.kind(),
                read.status(),
                read.date(),
                upload.link(),
                upload.fileName(),
                addedBy,
                clock.instant(),
                chunks.size());
        List<StoredChunk> stored = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            stored.add(new StoredChunk(
                    document.id(), chunks.get(i).section(), chunks.get(i).text(), vectors.get(i)));
        }
        store.save(tenant, document, stored);
        return document;
    }

    /** The tenant's documents, oldest first. */
    public List<KnowledgeDocument> documents(KnowledgeTenant tenant) {
        return store.documents(tenant);
    }

    /** A document with its passages, or empty when the tenant has none of that id. */
    public Optional<Shown> show(KnowledgeTenant tenant, String id) {
        return store.document(tenant, id).map(document -> new Shown(document, store.chunks(tenant, id)));
    }

    /** Removes a document; false when the tenant has none of that id. */
    public boolean remove(KnowledgeTenant tenant, String id) {
        return store.remove(tenant, id);
    }

    /** Removes all of the tenant's knowledge. */
    public void erase(KnowledgeTenant tenant) {
        store.erase(tenant);
    }

    @Override
    public List<Passage> relevantTo(ThreadKey thread, String question) {
        KnowledgeTenant tenant = KnowledgeTenant.of(thread);
        List<StoredChunk> chunks = store.allChunks(tenant);
        if (chunks.isEmpty() || question.isBlank()) {
            return List.of(); // no model call for a tenant without knowledge
        }
        return PassageSearch.nearest(embedder.embed(question), chunks, store.documents(tenant));
    }

    /** The title and section go with the text: "Decision" alone says nothing of what was decided. */
    private static String embeddedText(String title, Chunk chunk) {
        return title + (chunk.section().isEmpty() ? "" : " - " + chunk.section()) + "\n" + chunk.text();
    }

    /** A document and its passages, for {@code knowledge show}. */
    public record Shown(KnowledgeDocument document, List<StoredChunk> passages) {}
}
