package com.architectbot.queue.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.InquiryId;

/**
 * The Redis names of one queue. Per-inquiry marks carry the inquiry id as a hash tag ({@code {...}}), so
 * every mark of one inquiry lives in the same cluster slot.
 */
record QueueKeys(String prefix) {

    /** The consumer group all workers of all replicas share: each job goes to one of them. */
    static final String GROUP = "workers";

    QueueKeys {
        requireNonNull(prefix, "prefix");
    }

    String stream() {
        return prefix + ":jobs";
    }

    String deadLetters() {
        return prefix + ":jobs:dead";
    }

    String enqueued(InquiryId id) {
        return mark(id, "enqueued");
    }

    String answered(InquiryId id) {
        return mark(id, "answered");
    }

    /** How many failed attempts the inquiry's job caused: deaths of its workers are not counted here. */
    String failures(InquiryId id) {
        return mark(id, "failures");
    }

    /** A hash of the parts of the inquiry's replies that were sent, or are being sent. */
    String parts(InquiryId id) {
        return mark(id, "parts");
    }

    private String mark(InquiryId id, String kind) {
        return prefix + ":{" + id.value() + "}:" + kind;
    }
}
