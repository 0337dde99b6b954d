package com.architectbot.queue;

import com.architectbot.core.InquiryId;

/**
 * Remembers which inquiries were answered, so a job delivered twice (a worker that died between replying
 * and acknowledging, or one that came back after its job was reclaimed) is answered only once.
 */
public interface AnsweredMarks {

    /** Whether a reply to this inquiry was already delivered. */
    boolean isAnswered(InquiryId id);

    /** Records that a reply to this inquiry was delivered. Marking twice is harmless. */
    void markAnswered(InquiryId id);
}
