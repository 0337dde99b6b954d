package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Inquiry;
import com.architectbot.core.ReplyTarget;

/** A unit of slow work: an inquiry and where its reply goes. */
public record Job(Inquiry inquiry, ReplyTarget replyTo) {

    public Job {
        requireNonNull(inquiry, "inquiry");
        requireNonNull(replyTo, "replyTo");
    }
}
