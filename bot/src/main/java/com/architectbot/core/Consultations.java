package com.architectbot.core;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.ArchitectReply;
import com.architectbot.core.knowledge.WrittenRecord;

/** The consultation feature as the router sees it: answer a question in its thread, or forget the thread. */
public interface Consultations {

    /**
     * The architect's answer, on the tenant's model when it chose one and with its licence tool judging by the
     * tenant's licence policy, with the tokens spent. Asking again with the same inquiry id (a redelivered job)
     * returns the answer already given and spends none. The answer so far goes to {@code progress} as it is written.
     */
    ArchitectReply consult(Inquiry inquiry, TenantPreferences tenant, AnswerProgress progress);

    /** An architecture decision record of what the thread discussed and decided, written by the tenant's model. */
    WrittenRecord decisionRecord(Inquiry inquiry, TenantPreferences tenant);

    /** Erases the thread's context. Returns whether there was any. */
    boolean forget(ThreadKey thread);
}
