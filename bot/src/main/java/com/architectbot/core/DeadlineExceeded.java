package com.architectbot.core;

/**
 * The inquiry's {@link Deadline} passed before its work was done. Permanent: the time is up for this
 * inquiry, whatever a retry would do.
 */
public final class DeadlineExceeded extends PermanentFailure {

    public static final String USER_MESSAGE = "Sorry, this took me too long to answer: something on my side was "
            + "slow, not your question. Please ask again in a few minutes.";

    /** @param evidence what was cut short, and when: no user content */
    public DeadlineExceeded(String evidence, Throwable cause) {
        super(USER_MESSAGE, evidence, cause);
    }
}
