package com.architectbot.core.knowledge;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.answer.TokenUsage;

/** A decision record the model wrote from a thread, with the tokens it spent. */
public record WrittenRecord(DecisionRecord record, TokenUsage usage) {

    public WrittenRecord {
        requireNonNull(record, "record");
        requireNonNull(usage, "usage");
    }
}
