package com.architectbot.conversation;

import java.time.Duration;

/** One consultation per thread at a time, across every replica of the bot. */
public interface ThreadLocks {

    /**
     * Waits up to {@code wait} for the thread's lock.
     *
     * @throws ThreadBusyException when the lock is still held by someone else after {@code wait}
     */
    ThreadLock acquire(ThreadKey thread, Duration wait);

    /** A held lock; closing it releases the lock if this holder still owns it. */
    interface ThreadLock extends AutoCloseable {
        @Override
        void close();
    }
}
