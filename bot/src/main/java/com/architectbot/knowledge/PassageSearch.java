package com.architectbot.knowledge;

import com.architectbot.core.knowledge.Passage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Exact nearest passages: every passage of the tenant scored against the question, the best few above a bar. */
final class PassageSearch {

    /** The most passages a question gets: enough to cover a topic, few enough to keep the prompt small. */
    static final int MOST = 5;

    /** Below this cosine similarity a passage is about something else (all-MiniLM-L6-v2 scale). */
    static final double THRESHOLD = 0.35;

    private PassageSearch() {}

    static List<Passage> nearest(float[] question, List<StoredChunk> chunks, List<KnowledgeDocument> documents) {
        Map<String, KnowledgeDocument> byId =
                documents.stream().collect(Collectors.toMap(KnowledgeDocument::id, Function.identity()));
        return chunks.stream()
                .filter(chunk -> byId.containsKey(chunk.documentId()))
                .map(chunk -> new Scored(chunk, dot(question, chunk.vector())))
                .filter(scored -> scored.score() >= THRESHOLD)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(MOST)
                .map(scored -> passage(scored, byId.get(scored.chunk().documentId())))
                .toList();
    }

    private static Passage passage(Scored scored, KnowledgeDocument document) {
        StoredChunk chunk = scored.chunk();
        return new Passage(
                document.id(),
                document.title(),
                document.standing(),
                chunk.section(),
                chunk.text(),
                document.link(),
                scored.score());
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private record Scored(StoredChunk chunk, double score) {}
}
