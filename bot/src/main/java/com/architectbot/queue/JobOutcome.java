package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * How one attempt at a job ended. The runner decides it where it happens; {@link JobMetrics} counts it under
 * {@link #tag()} and the log line names it with its {@link Result#detail() detail}.
 */
enum JobOutcome {
    /** Processed and replied to. */
    ANSWERED("answered"),
    /** A permanent failure: the user was told why, and it is not tried again. */
    REJECTED("rejected"),
    /** Answered before, by an earlier delivery or another worker: acknowledged, not replied to again. */
    SKIPPED("skipped"),
    /** Failed; counted and rescheduled. */
    RETRIED("retried"),
    /** Given up: the user got one apology and the job is on the dead-letter stream. */
    DEAD_LETTERED("dead-lettered"),
    /** Still pending for another delivery: this worker stopped, or Redis failed while it gave up. */
    LEFT_PENDING("left-pending");

    private final String logged;

    JobOutcome(String logged) {
        this.logged = logged;
    }

    /** The {@code outcome} tag of {@value JobMetrics#JOBS}: {@code answered}, {@code dead_lettered} and so on. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This outcome, with nothing to add in the log line. */
    Result plain() {
        return because("");
    }

    /** This outcome, with what the log line adds about it. */
    Result because(String detail) {
        return new Result(this, detail);
    }

    /**
     * An outcome and its detail for the log: evidence of a failure or which limit ended the job, never user content.
     */
    record Result(JobOutcome outcome, String detail) {

        Result {
            requireNonNull(outcome, "outcome");
            requireNonNull(detail, "detail");
        }

        /** {@code skipped: already answered}, as the log line says it. */
        @Override
        public String toString() {
            return detail.isEmpty() ? outcome.logged : outcome.logged + ": " + detail;
        }
    }
}
