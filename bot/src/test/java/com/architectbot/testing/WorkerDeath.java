package com.architectbot.testing;

import com.architectbot.core.InquiryId;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.PartState;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Real delivered parts (in Redis) through which a worker "dies" once: right after the platform accepted
 * the named part and before its message id is recorded, the one moment where a crash leaves a part's
 * outcome unknown. Later records go through, as they would for the worker that reclaims the job.
 */
public final class WorkerDeath implements DeliveredParts {

    /** What the dying worker throws instead of recording. */
    public static final class Died extends RuntimeException {
        Died(String part) {
            super("the worker died after sending " + part);
        }
    }

    private final DeliveredParts record;
    private final String part;
    private final AtomicBoolean died = new AtomicBoolean();

    /** @param part the part's full name, reply and part, e.g. {@code answer/message-2} */
    public WorkerDeath(DeliveredParts record, String part) {
        this.record = record;
        this.part = part;
    }

    @Override
    public PartState state(InquiryId id, String part) {
        return record.state(id, part);
    }

    @Override
    public void record(InquiryId id, String part, PartState state) {
        if (state instanceof PartState.Sent && part.equals(this.part) && died.compareAndSet(false, true)) {
            throw new Died(part);
        }
        record.record(id, part, state);
    }

    @Override
    public boolean claim(InquiryId id, String part, PartState expected, PartState.Sending sending) {
        return record.claim(id, part, expected, sending);
    }

    public boolean died() {
        return died.get();
    }
}
