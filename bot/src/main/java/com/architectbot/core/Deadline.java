package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When the work on one inquiry must be done by: one deadline for all of it (model calls, their retries, tool
 * calls), set by whoever runs the work ({@link #bound}) and checked by the model client before each call
 * ({@link #current()}, {@link #check}), so a consultation past its deadline makes no further calls. Work run
 * outside any deadline (the CLI) is not bounded.
 */
public record Deadline(Instant at, Clock clock) {

    /** The deadline of the work running on this thread; a thread-local, as the call stack spans packages. */
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    public Deadline {
        requireNonNull(at, "at");
        requireNonNull(clock, "clock");
    }

    /** The deadline of the work on the calling thread, if it has one. */
    public static Optional<Deadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs the work on the calling thread under this deadline. */
    public <T> T bound(Supplier<T> work) {
        Deadline outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public boolean passed() {
        return !clock.instant().isBefore(at);
    }

    /** Time left, zero once passed. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * @param before what was about to start, for the log
     * @throws DeadlineExceeded when the deadline has passed
     */
    public void check(String before) {
        if (passed()) {
            throw new DeadlineExceeded("deadline " + at + " passed before " + before, null);
        }
    }
}
