package com.architectbot.conversation;

import java.util.List;
import java.util.Optional;

/** What the bot remembers of each thread. */
public interface ThreadMemory {

    /**
     * The newest turns of the thread whose estimated size fits in {@code tokenBudget}, oldest first.
     * The prompt built from them stays bounded however long the thread grows.
     */
    List<Turn> recall(ThreadKey thread, int tokenBudget);

    /** The turn already remembered for this inquiry, if a previous delivery got that far. */
    Optional<Turn> find(ThreadKey thread, String inquiryId);

    /** Appends a turn (once per inquiry id) and refreshes the thread's time to live. */
    void remember(ThreadKey thread, Turn turn);

    /** Erases everything kept for the thread. Returns whether there was anything to erase. */
    boolean forget(ThreadKey thread);
}
