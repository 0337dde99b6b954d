package com.architectbot.core;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.answer.ArchitectReply;
import java.util.Optional;

/** The consultation feature as the router sees it: answer a question in its thread, or forget the thread. */
public interface Consultations {

    /**
     * The architect's answer, on the given model when present, with the tokens spent. Asking again with the
     * same inquiry id (a redelivered job) returns the answer already given and spends none.
     */
    ArchitectReply consult(Inquiry inquiry, Optional<String> model);

    /** Erases the thread's context. Returns whether there was any. */
    boolean forget(ThreadKey thread);
}
