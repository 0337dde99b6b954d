package com.architectbot.consultation.llm;

import static java.util.Objects.requireNonNull;

import com.architectbot.consultation.PartialAnswer;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.AnswerSection;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The drafts of one consultation: the text of the call being streamed, read into drafts ({@link PartialAnswer}) and
 * reported at most every {@link #INTERVAL}, and at once whenever a section completes, so a surface sees the summary
 * the moment it is done without being called for every token. Text that is no answer (a tool round's chatter)
 * yields no draft. Runs on the worker's thread.
 */
final class DraftStream {

    /** The longest a finished piece of text waits to be reported: well under what a reader notices. */
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final AnswerProgress progress;
    private final LongSupplier nanos;
    private final StringBuilder text = new StringBuilder();
    private AnswerDraft shown;
    private long shownAt;

    DraftStream(AnswerProgress progress) {
        this(progress, System::nanoTime);
    }

    DraftStream(AnswerProgress progress, LongSupplier nanos) {
        this.progress = requireNonNull(progress, "progress");
        this.nanos = requireNonNull(nanos, "nanos");
    }

    /** Where the next call's text goes; each call's text is read on its own. */
    Consumer<String> newCall() {
        text.setLength(0);
        return this::accept;
    }

    private void accept(String piece) {
        if (text.length() > PartialAnswer.MAX_CHARS) {
            return; // past what drafts show; the final answer still comes
        }
        text.append(piece, 0, Math.min(piece.length(), PartialAnswer.MAX_CHARS + 1 - text.length()));
        Optional<AnswerDraft> draft = PartialAnswer.read(text);
        if (draft.isEmpty() || draft.get().equals(shown) || nothingToShow(draft.get())) {
            return;
        }
        long now = nanos.getAsLong();
        boolean sectionDone = shown == null || draft.get().writing().compareTo(shown.writing()) > 0;
        if (sectionDone || now - shownAt >= INTERVAL.toNanos()) {
            shown = draft.get();
            shownAt = now;
            progress.draft(shown);
        }
    }

    /** A summary begun but without a word yet: reporting it would only make the first words wait an interval. */
    private static boolean nothingToShow(AnswerDraft draft) {
        return draft.writing() == AnswerSection.SUMMARY
                && draft.sofar().summary().isBlank();
    }
}
