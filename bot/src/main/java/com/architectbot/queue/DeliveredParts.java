package com.architectbot.queue;

import com.architectbot.core.InquiryId;

/**
 * What became of each part of the replies to one inquiry, kept with the job for as long as its answered
 * mark, so that a job delivered again (its worker died, its delivery failed half-way) continues from the
 * first part not yet on the platform instead of posting the reply again.
 *
 * <p>A part is named by the replier, unique within its inquiry (e.g. {@code answer/message-2}).
 */
public interface DeliveredParts {

    /** What is known of the part; {@link PartState.Unsent} for a part never recorded. */
    PartState state(InquiryId id, String part);

    /**
     * Records the part's new state before the call returns.
     *
     * @throws com.architectbot.core.RetryableFailure when the record cannot be written
     */
    void record(InquiryId id, String part, PartState state);

    /**
     * Moves the part from {@code expected} to {@code sending} in one step, and only if nobody changed it
     * since it was read as {@code expected}: of two workers racing for a part, exactly one gets it.
     *
     * @return false when the part is no longer {@code expected} (another worker took it meanwhile)
     * @throws com.architectbot.core.RetryableFailure when the record cannot be written
     */
    boolean claim(InquiryId id, String part, PartState expected, PartState.Sending sending);
}
