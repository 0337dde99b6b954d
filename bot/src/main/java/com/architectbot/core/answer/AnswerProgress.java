package com.architectbot.core.answer;

/**
 * Where a consultation reports its answer while the model is still writing it: each surface shows it live (Slack's
 * streamed message, Teams' streaming protocol, the CLI's sections as they complete). The reply that follows is the
 * whole, validated answer and replaces whatever was shown; a draft is never the answer of record.
 *
 * <p>Called on the worker's thread, as often as the model writes: an implementation throttles and must not throw
 * (a live view that fails only loses its liveliness; the final answer is still delivered).
 */
public interface AnswerProgress {

    /** What the architect is doing before or between parts of the answer, one plain line ("Checking licences…"). */
    void status(String line);

    /** The answer so far. */
    void draft(AnswerDraft draft);

    /** For callers with nothing to show it on. */
    AnswerProgress NONE = new AnswerProgress() {
        @Override
        public void status(String line) {}

        @Override
        public void draft(AnswerDraft draft) {}
    };
}
