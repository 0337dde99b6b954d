package com.architectbot.consultation;

import com.architectbot.conversation.Turn;
import java.util.List;

/** The production architect: a language model behind a port the core owns. */
public interface Architect {

    /**
     * Answers {@code question} in the context of the earlier turns of its thread (oldest first).
     *
     * @throws RetryableFailure when the model timed out, was rate limited or failed on its side
     * @throws PermanentFailure when the model refused the request or its reply could not be understood
     */
    ConsultationAnswer consult(List<Turn> history, String question);
}
