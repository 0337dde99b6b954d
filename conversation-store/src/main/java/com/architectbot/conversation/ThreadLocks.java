package com.architectbot.conversation;

import java.time.Duration;

/**
 * One consultation per thread at a time, across every replica of the bot. A lock belongs to a holder (the
 * inquiry being answered), not to a process: the same holder asking again (its job was reclaimed after its
 * worker died) gets it back at once. Other holders take their turns in the order they first asked.
 */
public interface ThreadLocks {

    /**
     * Waits up to {@code wait} for the thread's lock, in line behind the holders that asked before.
     *
     * @param holder who holds the lock, the same on every attempt at the same work (an inquiry id)
     * @throws ThreadBusyException when the lock is still held by someone else after {@code wait}
     */
    ThreadLock acquire(ThreadKey thread, String holder, Duration wait);

    /** A held lock, kept alive while held; closing it releases the lock if this holder still owns it. */
    interface ThreadLock extends AutoCloseable {
        @Override
        void close();
    }
}
