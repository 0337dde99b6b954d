package com.architectbot.knowledge.documents;

import static java.util.Objects.requireNonNull;

/** A passage-sized piece of a document, the unit that is embedded, searched and shown to the model. */
public record Chunk(String section, String text) {

    public Chunk {
        requireNonNull(section, "section");
        requireNonNull(text, "text");
    }
}
