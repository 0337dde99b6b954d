package com.architectbot.consultation;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Picture;
import java.util.List;

/** What the user asks: the text (already redacted and checked) and the pictures that came with it. */
public record Question(String text, List<Picture> pictures) {

    public Question {
        requireNonNull(text, "text");
        pictures = List.copyOf(pictures);
    }

    /** A question in words alone. */
    public static Question of(String text) {
        return new Question(text, List.of());
    }
}
