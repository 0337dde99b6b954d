package com.architectbot.queue;

import com.architectbot.consultation.Reply;
import com.architectbot.consultation.ReplyTarget;

/** Delivers replies on one surface; each channel registers one. */
public interface Replier {

    /**
     * Delivers the reply, returning only once the platform accepted it.
     *
     * @throws com.architectbot.consultation.RetryableFailure when the platform could not be reached
     *     or asked us to slow down past the delivery budget
     */
    void deliver(ReplyTarget target, Reply reply);
}
