package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

/** What is known of one part of a reply (one platform message): the states a part goes through, in order. */
public sealed interface PartState {

    /** Never sent, or sent and refused by the platform for certain. */
    record Unsent() implements PartState {}

    /**
     * A send began and its outcome was never recorded: the worker died or lost the connection mid-send, so
     * the part may or may not be on the platform. The next attempt checks the platform before sending again.
     *
     * @param owner the delivery that began the send (consumer and attempt), so that two workers holding
     *     the same job (one presumed dead, still running) cannot both take the part
     */
    record Sending(String owner) implements PartState {
        /** An owner no worker has: what a record written before owners were kept reads as. */
        public static final String UNKNOWN = "";

        public Sending {
            requireNonNull(owner, "owner");
        }

        public Sending() {
            this(UNKNOWN);
        }
    }

    /** On the platform, under this id (a Slack message ts, a Teams activity id). */
    record Sent(String messageId) implements PartState {
        public Sent {
            requireNonNull(messageId, "messageId");
            if (messageId.isBlank()) {
                throw new IllegalArgumentException("a sent part needs the platform's message id");
            }
        }
    }
}
