package com.architectbot.redis;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Renews a lease every {@code interval}, on a virtual thread of its own, until it is stopped or a renewal
 * reports the lease lost. The one renewal loop of the bot: a held thread lock and the jobs a worker runs are
 * both kept alive by it, so only a holder that stopped (crashed, killed, frozen) lets its lease lapse.
 */
public final class LeaseRenewal implements AutoCloseable {

    private final CountDownLatch stopped = new CountDownLatch(1);

    private LeaseRenewal() {}

    /**
     * Starts renewing; the first renewal is one interval from now.
     *
     * @param name the renewing thread's name, for thread dumps
     * @param renew one renewal, which handles its own failures; returns whether to go on (false once the
     *     lease is lost for good)
     */
    public static LeaseRenewal start(String name, Duration interval, BooleanSupplier renew) {
        requireNonNull(interval, "interval");
        requireNonNull(renew, "renew");
        LeaseRenewal renewal = new LeaseRenewal();
        Thread.ofVirtual().name(name).start(() -> renewal.renewEvery(interval, renew));
        return renewal;
    }

    private void renewEvery(Duration interval, BooleanSupplier renew) {
        try {
            while (!stopped.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                if (!renew.getAsBoolean()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops renewing. Returns whether this call stopped it: false when it had been stopped before. */
    public boolean stop() {
        if (stopped.getCount() == 0) {
            return false;
        }
        stopped.countDown();
        return true;
    }

    @Override
    public void close() {
        stop();
    }
}
