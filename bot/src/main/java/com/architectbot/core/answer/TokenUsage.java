package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

/**
 * The tokens one consultation used on one model, summed over all its model calls (tool rounds, repairs).
 * Shared by metering and metrics.
 *
 * @param model the model name as it was requested (the price table's key); empty when no model was called
 */
public record TokenUsage(String model, long inputTokens, long outputTokens) {

    /** No model call: an answer found in the thread's memory, or a request that needs no model. */
    public static final TokenUsage NONE = new TokenUsage("", 0, 0);

    public TokenUsage {
        requireNonNull(model, "model");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException(
                    "token counts must not be negative: " + inputTokens + ", " + outputTokens);
        }
    }

    public TokenUsage plus(long moreInput, long moreOutput) {
        return new TokenUsage(model, inputTokens + moreInput, outputTokens + moreOutput);
    }

    public long total() {
        return inputTokens + outputTokens;
    }
}
