package com.architectbot.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trims what is kept for a retention period by time, not only when something new is written: an idle
 * tenant's audit log, a quiet dead-letter stream. Runs at start and then every {@link #INTERVAL} on one
 * virtual thread; a failed round (Redis away) is logged and the next round tries again.
 */
final class RetentionSweep implements AutoCloseable {

    /** An entry outlives its retention by at most this much. */
    static final Duration INTERVAL = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("retention-sweep").factory());
    private final Map<String, LongSupplier> trims;

    /** @param trims what each trim is called, for the log, and the trim, which returns how many entries went */
    private RetentionSweep(Map<String, LongSupplier> trims) {
        this.trims = Map.copyOf(trims);
    }

    static RetentionSweep start(Duration interval, Map<String, LongSupplier> trims) {
        RetentionSweep sweep = new RetentionSweep(trims);
        sweep.executor.scheduleWithFixedDelay(sweep::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sweep;
    }

    private void round() {
        trims.forEach((what, trim) -> {
            try {
                long trimmed = trim.getAsLong();
                if (trimmed > 0) {
                    LOG.info("trimmed {} {} past their retention", trimmed, what);
                }
            } catch (RuntimeException e) { // a scheduled task that throws is never run again: keep it alive
                LOG.warn("trimming {} failed; trying again in {}: {}", what, INTERVAL, e.toString());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
