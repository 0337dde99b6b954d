package com.architectbot.knowledge.documents;

/** A file that cannot be added as knowledge; the message tells the admin why and what to send instead. */
public final class UnreadableDocument extends RuntimeException {

    public UnreadableDocument(String message) {
        super(message);
    }

    public UnreadableDocument(String message, Throwable cause) {
        super(message, cause);
    }
}
