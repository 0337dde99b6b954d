package com.architectbot.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one polling thread of {@link JobWorkers} (see there why one): waits for free {@linkplain JobSlots slots},
 * fills them with abandoned jobs when a reclaim is due or else with new ones, and runs each job on a slot's
 * virtual thread. While the queue is unreachable it takes nothing and retries, spaced out by the
 * {@link OutageLog}.
 */
final class JobPoller {

    private final JobStream stream;
    private final JobSlots slots;
    private final JobRunner runner;
    private final QueueSettings settings;
    private final String consumer;
    private final OutageLog outage;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread thread;
    /** Set once the workers stopped waiting: from then on nothing more may start in this process. */
    private volatile boolean abandoned;
    /** Poller thread only. Starts due: a restarted replica at once picks up what its predecessor left. */
    private long nextReclaimNanos = System.nanoTime();

    JobPoller(JobStream stream, JobSlots slots, JobRunner runner, QueueSettings settings, String consumer) {
        this.stream = stream;
        this.slots = slots;
        this.runner = runner;
        this.settings = settings;
        this.consumer = consumer;
        this.outage = new OutageLog(consumer);
    }

    void start() {
        thread = Thread.ofVirtual().name(consumer + "-poller").start(this::poll);
    }

    /** Whether it is taking jobs: not stopping. */
    boolean isRunning() {
        return stopping.getCount() > 0;
    }

    /** Takes no new jobs from now on; the jobs already taken run on. */
    void stop() {
        stopping.countDown();
    }

    /** Waits for the polling thread to end; false if it is still running after {@code wait}. */
    boolean awaitStopped(Duration wait) throws InterruptedException {
        Thread current = thread;
        return current == null || current.join(wait);
    }

    /** Jobs it takes from now on are left pending for another worker, not run. */
    void abandon() {
        abandoned = true;
    }

    private void poll() {
        try {
            while (isRunning()) {
                int free = slots.take(this::isRunning, settings.readBlock());
                if (free == 0) {
                    return;
                }
                List<Delivery> batch = List.of();
                try {
                    batch = fetch(free);
                } finally {
                    slots.giveBack(free - batch.size());
                }
                if (abandoned) { // taken after the grace period ran out: leave them pending for another worker
                    slots.giveBack(batch.size());
                    return;
                }
                // even when stopping: these are ours now, and the grace covers them
                batch.forEach(delivery -> slots.run(consumer + "-job", delivery, runner::run));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Abandoned jobs first when a reclaim is due, else new ones; none while the queue is unreachable. */
    private List<Delivery> fetch(int max) throws InterruptedException {
        try {
            List<Delivery> batch = List.of();
            if (System.nanoTime() - nextReclaimNanos >= 0) {
                nextReclaimNanos =
                        System.nanoTime() + settings.reclaimInterval().toNanos();
                batch = stream.reclaim(consumer, settings.visibilityTimeout(), max);
            }
            if (batch.isEmpty()) {
                batch = stream.take(consumer, max, settings.readBlock());
            }
            outage.succeeded();
            return batch;
        } catch (RuntimeException e) {
            if (!isRunning()) { // stopping: an embedded Redis may be shutting down with us; not an outage
                return List.of();
            }
            awaitStop(outage.failed(e));
            return List.of();
        }
    }

    private void awaitStop(Duration delay) throws InterruptedException {
        stopping.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
