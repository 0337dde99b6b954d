package com.architectbot.knowledge;

import static java.util.Objects.requireNonNull;

/**
 * A passage as stored: its text and its embedding.
 *
 * @param vector the embedding, unit length, so a dot product is the cosine similarity
 */
public record StoredChunk(String documentId, String section, String text, float[] vector) {

    public StoredChunk {
        requireNonNull(documentId, "documentId");
        requireNonNull(section, "section");
        requireNonNull(text, "text");
        requireNonNull(vector, "vector");
    }
}
