package com.architectbot.consultation;

import com.architectbot.conversation.Turn;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.ArchitectReply;
import java.util.List;

/** The production architect: a language model behind a port the core owns. */
public interface Architect {

    /** What the user reads when the model cannot read the pictures sent with the question. */
    String PICTURES_UNREADABLE =
            "The model I'm configured with can't read images, so I couldn't look at what you sent. "
                    + "Describe the diagram in words and ask again, or ask whoever runs this bot to set it up with a model "
                    + "that reads images.";

    /** Whether the model reads pictures: a question with pictures is refused before they are read when it does not. */
    default boolean readsPictures() {
        return true;
    }

    /**
     * Answers {@code question} in the context of the earlier turns of its thread (oldest first), with the tokens
     * the answer used: on the tenant's model when it chose one, else the configured one; its tools judge by the
     * tenant's choices too (its licence policy). While the model writes, the answer so far goes to
     * {@code progress}; the returned answer is the whole, validated one.
     *
     * @throws com.architectbot.core.RetryableFailure when the model timed out, was rate limited or failed on its
     *     side
     * @throws com.architectbot.core.PermanentFailure when the model refused the request or its reply could not be
     *     understood
     */
    ArchitectReply consult(List<Turn> history, Question question, TenantPreferences tenant, AnswerProgress progress);

    /** A question in words, with nobody watching the answer being written. */
    default ArchitectReply consult(List<Turn> history, String question, TenantPreferences tenant) {
        return consult(history, Question.of(question), tenant, AnswerProgress.NONE);
    }
}
