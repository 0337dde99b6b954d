package com.architectbot.conversation;

/**
 * Estimates how many model tokens a remembered turn costs in a prompt, to keep recalled context within a
 * budget. An estimate, not a tokenizer: budgets should leave some headroom.
 */
@FunctionalInterface
public interface TokenEstimator {

    /** Characters per token for English prose and code with common tokenizers: about four. */
    int CHARS_PER_TOKEN = 4;
    /** Role markers and separators of the two messages (question, answer) a turn becomes. */
    int OVERHEAD_PER_TURN = 8;

    int tokens(Turn turn);

    /**
     * The default heuristic: {@code ceil(chars / 4)} for the question and for the answer, plus
     * {@value #OVERHEAD_PER_TURN} tokens of per-message overhead for the pair.
     */
    static TokenEstimator approximate() {
        return turn -> ceilDiv(turn.question().length()) + ceilDiv(turn.answer().length()) + OVERHEAD_PER_TURN;
    }

    private static int ceilDiv(int chars) {
        return Math.ceilDiv(chars, CHARS_PER_TOKEN);
    }
}
