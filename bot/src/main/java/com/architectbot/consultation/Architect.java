package com.architectbot.consultation;

import com.architectbot.conversation.Turn;
import com.architectbot.core.answer.ArchitectReply;
import java.util.List;
import java.util.Optional;

/** The production architect: a language model behind a port the core owns. */
public interface Architect {

    /**
     * Answers {@code question} in the context of the earlier turns of its thread (oldest first), on
     * {@code model} when given (a tenant's choice) instead of the configured one, with the tokens the answer used.
     *
     * @throws RetryableFailure when the model timed out, was rate limited or failed on its side
     * @throws PermanentFailure when the model refused the request or its reply could not be understood
     */
    ArchitectReply consult(List<Turn> history, String question, Optional<String> model);
}
