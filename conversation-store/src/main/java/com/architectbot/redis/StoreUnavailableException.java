package com.architectbot.redis;

/**
 * Redis could not be reached (refused, timed out, dropped the connection). The work can be retried once it
 * is back: the bot maps this to a retryable failure. The message names the server with its password masked.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
