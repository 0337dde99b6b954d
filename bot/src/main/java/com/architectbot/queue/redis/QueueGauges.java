package com.architectbot.queue.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.queue.QueueSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The queue's backlog as gauges read from Redis at scrape time: {@value #DEPTH} (entries in the job stream:
 * acknowledged jobs are deleted, so these are the new plus the pending ones) and {@value #OLDEST_AGE} (how
 * long ago the oldest of them was queued; 0 when the queue is empty). Each is one O(1) command. With Redis
 * away a scrape shows NaN rather than failing, and costs at most the socket timeout.
 */
public final class QueueGauges {

    public static final String DEPTH = "architect.queue.depth";
    public static final String OLDEST_AGE = "architect.queue.oldest.age";
    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final UnifiedJedis redis;
    private final String stream;
    private final Clock clock;

    private QueueGauges(UnifiedJedis redis, QueueSettings settings, Clock clock) {
        this.redis = requireNonNull(redis, "redis");
        this.stream = new QueueKeys(settings.keyPrefix()).stream();
        this.clock = requireNonNull(clock, "clock");
    }

    public static void register(MeterRegistry metrics, UnifiedJedis redis, QueueSettings settings, Clock clock) {
        QueueGauges gauges = new QueueGauges(redis, settings, clock);
        // Strong references: nothing else holds the gauges object, and a weakly held one is collected by the
        // next GC, after which the series silently disappears from /metrics.
        Gauge.builder(DEPTH, gauges, QueueGauges::depth)
                .description("Jobs in the queue: not yet taken, or taken and not yet acknowledged")
                .strongReference(true)
                .register(metrics);
        Gauge.builder(OLDEST_AGE, gauges, QueueGauges::oldestAgeSeconds)
                .description("Age of the oldest job in the queue")
                .baseUnit("seconds")
                .strongReference(true)
                .register(metrics);
    }

    private double depth() {
        try {
            return redis.xlen(stream);
        } catch (RuntimeException e) {
            log.debug("queue depth unavailable: {}", e.toString());
            return Double.NaN;
        }
    }

    private double oldestAgeSeconds() {
        try {
            List<StreamEntry> first = redis.xrange(stream, "-", "+", 1);
            if (first.isEmpty()) {
                return 0;
            }
            long queuedAt = first.get(0).getID().getTime(); // stream ids start with the time they were added
            return Math.max(0, clock.millis() - queuedAt) / 1000.0;
        } catch (RuntimeException e) {
            log.debug("oldest job age unavailable: {}", e.toString());
            return Double.NaN;
        }
    }
}
