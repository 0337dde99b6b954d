package com.architectbot.queue;

import com.architectbot.core.Inquiry;
import com.architectbot.core.Reply;
import com.architectbot.core.answer.AnswerProgress;

/**
 * The slow work behind an inquiry (model calls, registry look-ups), run by the queue's workers. The composition
 * root wires the core's router in ({@code InquiryHandler::process}); the queue only decides what happens to the
 * job by what it throws.
 */
@FunctionalInterface
public interface JobProcessor {

    /**
     * Works out the reply to one inquiry. A job may be processed more than once (after a crash or a
     * retryable failure), so any side effect must tolerate a repeat.
     *
     * @throws com.architectbot.core.RetryableFailure when trying again later may succeed: the job is
     *     redelivered after the visibility timeout, up to the maximum number of attempts
     * @throws com.architectbot.core.PermanentFailure when trying again will not help: the user is told
     *     its {@code userMessage()} and the job is done
     * @param progress the surface's live view of a consultation's answer while it is written ({@link
     *     Replier#progress}); the reply returned is delivered after it and replaces it
     */
    Reply process(Inquiry inquiry, AnswerProgress progress);
}
