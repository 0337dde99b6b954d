package com.architectbot.conversation;

import java.time.Duration;

/** The thread's lock could not be had in time: another message of the thread is being answered. */
public final class ThreadBusyException extends RuntimeException {

    public ThreadBusyException(ThreadKey thread, Duration waited) {
        super("thread " + thread + " is busy; gave up after " + waited.toMillis() + " ms");
    }
}
