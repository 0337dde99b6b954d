package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

/** One actionable next step and how urgent it is. */
public record Recommendation(String text, Priority priority) {

    public Recommendation {
        requireNonNull(text, "text");
        requireNonNull(priority, "priority");
    }
}
