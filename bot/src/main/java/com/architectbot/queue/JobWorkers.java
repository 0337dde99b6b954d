package com.architectbot.queue;

import static java.util.Objects.requireNonNull;

import com.architectbot.redis.LeaseRenewal;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's workers in one process: take jobs, run each on its own virtual thread, at most
 * {@link QueueSettings#concurrency()} at a time, and take over jobs that dead workers left behind.
 *
 * <p>Why one polling thread and {@linkplain JobSlots slots} rather than N loops that each read one job:
 * every loop would hold a Redis connection blocked in XREADGROUP, so sixteen loops would drain the client's
 * connection pool (eight by default) and starve the request threads that enqueue. One poller holds one
 * connection, reads as many jobs as there are free slots, and hands each to a cheap virtual thread. Reclaiming
 * runs in the same loop for the same reason, and because a separate reclaimer would compete with the poller
 * for slots and rarely win one while the poller waits for new jobs.
 */
public final class JobWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

    /** Fits inside Kubernetes' default 30 s termination grace period. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(25);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final JobStream stream;
    private final JobRunner runner;
    private final QueueSettings settings;
    private final String consumer;
    private final JobSlots slots;
    private final JobPoller poller;
    private volatile boolean started;
    /** Stopped once nothing runs any more: the heartbeat outlives the poller to cover the grace period. */
    private volatile LeaseRenewal heartbeat;

    /** @param metrics where errors by cause and outcomes are counted */
    public JobWorkers(JobPipeline pipeline, QueueSettings settings, MeterRegistry metrics) {
        this.stream = pipeline.stream();
        this.settings = requireNonNull(settings, "settings");
        this.consumer = consumerName(INSTANCES.getAndIncrement());
        this.runner = new JobRunner(pipeline, settings, consumer, new JobMetrics(metrics), Clock.systemUTC());
        this.slots = new JobSlots(settings.concurrency());
        this.poller = new JobPoller(stream, slots, runner, settings, consumer);
    }

    /** Starts taking jobs. */
    public synchronized JobWorkers start() {
        if (started) {
            throw new IllegalStateException("job workers " + consumer + " were already started");
        }
        started = true;
        poller.start();
        heartbeat = new Heartbeat(stream, consumer, settings.heartbeatInterval(), slots::interrupt).start(slots::held);
        log.info(
                "job workers {} started: concurrency {}, visibility timeout {} (heartbeat every {}), max attempts {}, "
                        + "max orphanings {}, deadline {}",
                consumer,
                settings.concurrency(),
                settings.visibilityTimeout(),
                settings.heartbeatInterval(),
                settings.maxAttempts(),
                settings.maxOrphanings(),
                settings.deadline());
        return this;
    }

    /** Whether the workers are taking jobs: started and not stopping. For readiness checks. */
    public boolean isRunning() {
        return started && poller.isRunning();
    }

    /** This process's consumer name in the queue: host, pid and instance number. */
    public String consumer() {
        return consumer;
    }

    /** Stops with the {@linkplain #DEFAULT_STOP_GRACE default grace period}. */
    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    /**
     * Stops taking jobs and waits up to {@code grace} for the jobs in flight. Jobs still running then are
     * interrupted and left pending, unacknowledged, so another replica reclaims them.
     */
    public void stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        poller.stop();
        try {
            if (!poller.awaitStopped(remaining(deadline))) {
                log.warn("job workers {}: the poller did not stop within {}", consumer, grace);
            }
            if (slots.awaitAllFree(remaining(deadline))) {
                stopHeartbeat();
                log.info("job workers {} stopped", consumer);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller.abandon();
        stopHeartbeat(); // unheartbeated from now on: another worker reclaims what is left
        log.warn(
                "job workers {} stopped with {} job(s) unfinished after {}; they stay pending for another worker",
                consumer,
                slots.interruptAll(),
                grace);
    }

    private void stopHeartbeat() {
        LeaseRenewal beating = heartbeat;
        if (beating != null) {
            beating.stop();
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static String consumerName(int instance) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + instance;
    }
}
