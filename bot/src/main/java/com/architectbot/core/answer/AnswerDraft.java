package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

/**
 * The answer as far as the model has written it. The sections before {@code writing} are complete; the one being
 * written may be unfinished (its text cut mid-sentence, its list holding only the items already complete); the ones
 * after it are still empty. Drawn in section order, each draft extends the one before it, so a surface can stream
 * the difference.
 *
 * @param sofar what is written so far, in the answer's own shape (its summary may be blank)
 * @param writing the section the model is writing now
 */
public record AnswerDraft(ConsultationAnswer sofar, AnswerSection writing) {

    public AnswerDraft {
        requireNonNull(sofar, "sofar");
        requireNonNull(writing, "writing");
    }

    /** Whether {@code section} is complete in this draft. */
    public boolean finished(AnswerSection section) {
        return section.ordinal() < writing.ordinal();
    }
}
