package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.consultation.Inquiry;
import com.architectbot.consultation.ReplyTarget;

/** A unit of slow work: an inquiry and where its reply goes. */
public record Job(Inquiry inquiry, ReplyTarget replyTo) {

    public Job {
        requireNonNull(inquiry, "inquiry");
        requireNonNull(replyTo, "replyTo");
    }
}
