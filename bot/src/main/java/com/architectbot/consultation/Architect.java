package com.architectbot.consultation;

import com.architectbot.conversation.Turn;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.ArchitectReply;
import java.util.List;

/** The production architect: a language model behind a port the core owns. */
public interface Architect {

    /**
     * Answers {@code question} in the context of the earlier turns of its thread (oldest first), with the tokens
     * the answer used: on the tenant's model when it chose one, else the configured one; its tools judge by the
     * tenant's choices too (its licence policy).
     *
     * @throws RetryableFailure when the model timed out, was rate limited or failed on its side
     * @throws PermanentFailure when the model refused the request or its reply could not be understood
     */
    ArchitectReply consult(List<Turn> history, String question, TenantPreferences tenant);
}
