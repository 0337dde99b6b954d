package com.architectbot.knowledge;

import java.util.List;

/** Turns text into vectors whose closeness is closeness of meaning. */
public interface Embedder {

    /** The model's name; vectors of different models are never compared. */
    String model();

    /** One unit-length vector per text, in order. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).getFirst();
    }
}
