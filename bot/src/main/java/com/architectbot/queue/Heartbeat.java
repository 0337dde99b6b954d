package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the jobs a process is working on from being reclaimed: tells the queue every {@code interval} that
 * they are alive. Only a process that stopped (crashed, killed, frozen) stops beating, so only its jobs turn
 * idle long enough for another worker to take them. A missed beat is only logged: the next one is due long
 * before the visibility timeout, and should the beats stay away that long, another worker takes over, which
 * the answered marks make safe.
 */
final class Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final JobStream stream;
    private final String consumer;
    private final Duration interval;

    Heartbeat(JobStream stream, String consumer, Duration interval) {
        this.stream = requireNonNull(stream, "stream");
        this.consumer = requireNonNull(consumer, "consumer");
        this.interval = requireNonNull(interval, "interval");
    }

    /** Beats for the jobs {@code held} names at each beat, until {@code stopped} is counted down. */
    void beatUntil(CountDownLatch stopped, Supplier<List<Delivery>> held) {
        try {
            while (!stopped.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                beat(held.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void beat(List<Delivery> held) {
        try {
            int renewed = stream.heartbeat(consumer, held);
            if (renewed < held.size()) {
                log.warn("job workers {}: {} of {} job(s) were reclaimed by another worker while running here",
                        consumer, held.size() - renewed, held.size());
            }
        } catch (RuntimeException e) {
            log.warn("job workers {}: heartbeat of {} job(s) failed: {}", consumer, held.size(), JobRunner.evidence(e));
        }
    }
}
