package com.architectbot.consultation;

import com.architectbot.conversation.Turn;
import com.architectbot.core.answer.ArchitectReply;
import com.architectbot.core.answer.ConsultationAnswer;
import java.util.List;
import java.util.Optional;

/** The production architect: a language model behind a port the core owns. */
public interface Architect {

    /**
     * Answers {@code question} in the context of the earlier turns of its thread (oldest first).
     *
     * @throws RetryableFailure when the model timed out, was rate limited or failed on its side
     * @throws PermanentFailure when the model refused the request or its reply could not be understood
     */
    default ConsultationAnswer consult(List<Turn> history, String question) {
        return consult(history, question, Optional.empty()).answer();
    }

    /**
     * As {@link #consult(List, String)}, on {@code model} when given (a tenant's choice) instead of the
     * configured one, and with the tokens the answer used.
     */
    ArchitectReply consult(List<Turn> history, String question, Optional<String> model);
}
