package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

/** The architect's answer and what it cost in tokens. */
public record ArchitectReply(ConsultationAnswer answer, TokenUsage usage) {

    public ArchitectReply {
        requireNonNull(answer, "answer");
        requireNonNull(usage, "usage");
    }
}
