package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Picture;
import com.architectbot.core.knowledge.Passage;
import java.util.List;

/**
 * What the user asks: the text (already redacted and checked), the pictures that came with it, and the passages
 * of the tenant's own knowledge relevant to it (reference data for the model, never instructions).
 */
public record Question(String text, List<Picture> pictures, List<Passage> passages) {

    public Question {
        requireNonNull(text, "text");
        pictures = List.copyOf(pictures);
        passages = List.copyOf(passages);
    }

    /** A question with pictures and no company knowledge. */
    public Question(String text, List<Picture> pictures) {
        this(text, pictures, List.of());
    }

    /** A question in words alone. */
    public static Question of(String text) {
        return new Question(text, List.of());
    }
}
