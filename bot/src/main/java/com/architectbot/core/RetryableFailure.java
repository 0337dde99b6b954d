package com.architectbot.core;

/** A failure worth trying again later: a timeout, a rate limit, Redis or a registry being away. */
public class RetryableFailure extends RuntimeException {

    public RetryableFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public RetryableFailure(String message) {
        super(message);
    }
}
