package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.redis.LeaseRenewal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the jobs a process is working on from being reclaimed: tells the queue every {@code interval} that
 * they are alive. Only a process that stopped (crashed, killed, frozen) stops beating, so only its jobs turn
 * idle long enough for another worker to take them. A missed beat is only logged: the next one is due long
 * before the visibility timeout. Should the beats stay away that long (a long pause, Redis away), another
 * worker takes over; the next beat finds which jobs are no longer ours and hands them to {@code lost}, which
 * stops them, so that only the new owner goes on (claimed reply parts cover the moments in between).
 */
final class Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final JobStream stream;
    private final String consumer;
    private final Duration interval;
    private final Consumer<List<Delivery>> lost;

    /** @param lost told of the held jobs another consumer took over */
    Heartbeat(JobStream stream, String consumer, Duration interval, Consumer<List<Delivery>> lost) {
        this.lost = requireNonNull(lost, "lost");
        this.stream = requireNonNull(stream, "stream");
        this.consumer = requireNonNull(consumer, "consumer");
        this.interval = requireNonNull(interval, "interval");
    }

    /** Starts beating for the jobs {@code held} names at each beat, until the returned renewal is stopped. */
    LeaseRenewal start(Supplier<List<Delivery>> held) {
        return LeaseRenewal.start(consumer + "-heartbeat", interval, () -> {
            beat(held.get());
            return true; // a missed beat is no lost lease: the next one is due long before the visibility timeout
        });
    }

    private void beat(List<Delivery> held) {
        try {
            Set<String> taken = Set.copyOf(stream.heartbeat(consumer, held));
            if (!taken.isEmpty()) {
                log.warn(
                        "job workers {}: {} of {} job(s) were reclaimed by another worker while running here; "
                                + "stopping them here",
                        consumer,
                        taken.size(),
                        held.size());
                lost.accept(held.stream()
                        .filter(delivery -> taken.contains(delivery.entryId()))
                        .toList());
            }
        } catch (RuntimeException e) {
            log.warn("job workers {}: heartbeat of {} job(s) failed: {}", consumer, held.size(), Evidence.of(e));
        }
    }
}
