package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Deadline;
import com.architectbot.core.DeadlineExceeded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One deadline per job, counted from when it was queued (the stream entry's time), so waiting in the queue,
 * a dead worker's visibility timeout and retries all spend the same budget. While the job runs, the
 * deadline is {@linkplain Deadline#bound set} for the model client to check, and a watchdog interrupts the
 * job's thread when it passes, which aborts a model call (and its client's retries) or a lock wait in
 * progress. Heartbeats no longer bound how long a job may run; this does.
 */
final class JobDeadline {

    private final Duration budget;
    private final Clock clock;

    JobDeadline(Duration budget, Clock clock) {
        this.budget = requireNonNull(budget, "budget");
        this.clock = requireNonNull(clock, "clock");
    }

    Duration budget() {
        return budget;
    }

    /** The job's deadline: its entry's time ({@code <ms>-<seq>}) plus the budget. */
    Deadline of(Delivery delivery) {
        String id = delivery.entryId();
        long queuedMs = Long.parseLong(id.substring(0, id.indexOf('-')));
        return new Deadline(Instant.ofEpochMilli(queuedMs).plus(budget), clock);
    }

    /**
     * Runs the work on the calling thread under the deadline.
     *
     * @throws DeadlineExceeded when the work failed after the deadline had passed (cut short by the watchdog,
     *     or by the model client's own check)
     */
    <T> T run(Deadline deadline, Supplier<T> work) {
        Watchdog watchdog = new Watchdog(Thread.currentThread(), deadline);
        Thread watching = Thread.ofVirtual().name("job-deadline").start(watchdog::watch);
        try {
            return deadline.bound(work);
        } catch (RuntimeException e) {
            if (e instanceof DeadlineExceeded || !deadline.passed()) {
                throw e;
            }
            throw new DeadlineExceeded("deadline " + deadline.at() + " passed during the job: " + Evidence.of(e), e);
        } finally {
            watchdog.standDown();
            watching.interrupt();
        }
    }

    /** Interrupts the job's thread at the deadline, unless the work ended first. */
    private static final class Watchdog {
        private final Thread job;
        private final Deadline deadline;
        private boolean done;
        private boolean fired;

        Watchdog(Thread job, Deadline deadline) {
            this.job = job;
            this.deadline = deadline;
        }

        void watch() {
            try {
                Thread.sleep(deadline.remaining());
            } catch (InterruptedException e) {
                return; // the work ended first
            }
            synchronized (this) {
                if (!done) {
                    fired = true;
                    job.interrupt();
                }
            }
        }

        /** Called on the job's thread: no interrupt may land from now on, and a late one is cleared. */
        synchronized void standDown() {
            done = true;
            if (fired) {
                Thread.interrupted();
            }
        }
    }
}
