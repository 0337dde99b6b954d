package com.architectbot.queue;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;

/**
 * What a log line may say about a failure. Our own failure types promise messages without user content;
 * any other exception may quote it (a JSON parser quoting the model's output), so only its type and where
 * it was thrown are logged.
 */
final class Evidence {

    private Evidence() {}

    static String of(Throwable e) {
        if (e instanceof RetryableFailure || e instanceof PermanentFailure) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }
}
