package com.architectbot.core;

/**
 * A failure that trying again will not fix. {@link #userMessage()} is what the user is told: short,
 * actionable, with no internals; {@link #getMessage()} carries the evidence for the log.
 */
public class PermanentFailure extends RuntimeException {

    private final String userMessage;

    public PermanentFailure(String userMessage, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.userMessage = userMessage;
    }

    public PermanentFailure(String userMessage) {
        this(userMessage, userMessage, null);
    }

    public String userMessage() {
        return userMessage;
    }
}
