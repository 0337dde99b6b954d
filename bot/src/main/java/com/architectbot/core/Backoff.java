package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: wait {@code first} after the first failure, twice as long after each further one,
 * never longer than {@code max}. With jitter, up to half as much again is added at random, so clients that
 * failed together do not all come back at the same moment.
 *
 * @param first the wait after the first failure
 * @param max the longest wait, before jitter
 * @param jitter whether to add up to half the wait at random
 */
public record Backoff(Duration first, Duration max, boolean jitter) {

    public Backoff {
        requireNonNull(first, "first");
        requireNonNull(max, "max");
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= first <= max, was first " + first + ", max " + max);
        }
    }

    /** Doubling waits from {@code first} up to {@code max}, without jitter. */
    public static Backoff doubling(Duration first, Duration max) {
        return new Backoff(first, max, false);
    }

    /** The same waits with up to half as much again added at random. */
    public Backoff withJitter() {
        return new Backoff(first, max, true);
    }

    /** How long to wait after {@code failures} failures in a row (1 after the first). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("backoff counts failures from 1, was " + failures);
        }
        Duration wait = first;
        for (int doubled = 1; doubled < failures && !wait.isZero() && wait.compareTo(max) < 0; doubled++) {
            wait = wait.multipliedBy(2);
        }
        wait = wait.compareTo(max) > 0 ? max : wait;
        if (!jitter || wait.isZero()) {
            return wait;
        }
        return wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1));
    }
}
