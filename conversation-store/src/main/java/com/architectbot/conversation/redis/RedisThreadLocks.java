package com.architectbot.conversation.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ThreadBusyException;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.ThreadLocks;
import com.architectbot.redis.LeaseRenewal;
import com.architectbot.redis.RedisConnection;
import com.architectbot.redis.StoreUnavailableException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-thread locks in Redis that live as long as their holder does: a held lock's lease is renewed every
 * {@link Settings#renewInterval()} until it is released, so a consultation may take as long as it needs,
 * while the lock of a process that died expires within one lease. The holder is the inquiry id: when a dead
 * worker's job is reclaimed, it takes its own lock back at once, ahead of the holders lined up behind it.
 */
public final class RedisThreadLocks implements ThreadLocks {

    private static final Logger log = LoggerFactory.getLogger(RedisThreadLocks.class);

    private final Settings settings;
    private final LockLine line;

    public RedisThreadLocks(RedisConnection redis, Settings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.line = new LockLine(redis, settings.lease(), settings.keepPlace());
    }

    @Override
    public ThreadLock acquire(ThreadKey thread, String holder, Duration wait) {
        requireNonNull(thread, "thread");
        requireNonNull(holder, "holder");
        requireNonNull(wait, "wait");
        long start = System.nanoTime();
        long deadline = start + Math.max(0, wait.toNanos());
        while (true) {
            if (line.tryTake(thread, holder)) {
                return new HeldLock(thread, holder);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                giveUp(thread, holder);
                throw new ThreadBusyException(thread, Duration.ofNanos(System.nanoTime() - start));
            }
            try {
                Thread.sleep(
                        Duration.ofNanos(Math.min(left, settings.pollInterval().toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp(thread, holder);
                throw new ThreadBusyException(thread, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /** Leaves the line, so those behind need not wait for this holder's place to lapse. */
    private void giveUp(ThreadKey thread, String holder) {
        try {
            line.leave(thread, holder);
        } catch (StoreUnavailableException e) {
            log.debug("could not leave the line of thread {}; the place lapses in {}", thread, settings.keepPlace());
        }
    }

    private final class HeldLock implements ThreadLock {
        private final ThreadKey thread;
        private final String holder;
        private final LeaseRenewal renewal;

        HeldLock(ThreadKey thread, String holder) {
            this.thread = thread;
            this.holder = holder;
            this.renewal = LeaseRenewal.start("lock-renewal", settings.renewInterval(), this::renew);
        }

        /** Whether to keep renewing: not once the lock was lost. */
        private boolean renew() {
            try {
                if (line.renew(thread, holder)) {
                    return true;
                }
                log.warn(
                        "lock of thread {} was lost while held (not renewed within {}): another worker may answer "
                                + "in parallel",
                        thread,
                        settings.lease());
                return false;
            } catch (StoreUnavailableException e) {
                log.warn(
                        "could not renew the lock of thread {}; trying again in {}: {}",
                        thread,
                        settings.renewInterval(),
                        e.getMessage());
                return true;
            }
        }

        @Override
        public void close() {
            if (!renewal.stop()) {
                return;
            }
            try {
                if (!line.leave(thread, holder)) {
                    log.warn(
                            "lock of thread {} had expired before release (lease {}): another worker may have "
                                    + "answered in parallel",
                            thread,
                            settings.lease());
                }
            } catch (StoreUnavailableException e) {
                // The work is done; the lease frees the lock. Failing the job here would only repeat it.
                log.warn(
                        "could not release the lock of thread {}; it expires with its lease: {}",
                        thread,
                        e.getMessage());
            }
        }
    }

    /**
     * @param lease how long a lock outlives its holder's last renewal (default {@link #DEFAULT_LEASE}): the
     *     job queue's visibility timeout, so a dead worker's thread is free again by the time its job is
     *     reclaimed
     * @param pollInterval how often a waiting {@link #acquire} retries (default {@link #DEFAULT_POLL_INTERVAL})
     */
    public record Settings(Duration lease, Duration pollInterval) {

        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
        public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
        /** Renewals per lease: several may be late before the lock is lost. */
        public static final int RENEWALS_PER_LEASE = 6;

        public Settings {
            requireNonNull(lease, "lease");
            requireNonNull(pollInterval, "pollInterval");
            if (lease.toMillis() < RENEWALS_PER_LEASE || pollInterval.toMillis() <= 0) {
                throw new IllegalArgumentException("lock lease must be at least " + RENEWALS_PER_LEASE
                        + " ms and poll interval at least 1 ms, were " + lease + " and " + pollInterval);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_LEASE, DEFAULT_POLL_INTERVAL);
        }

        /** How often a held lock's lease is renewed. */
        public Duration renewInterval() {
            return lease.dividedBy(RENEWALS_PER_LEASE);
        }

        /**
         * How long a silent holder keeps its place in line: a second lease, so the reclaimed job of a dead
         * holder (reclaimed once its lease, the visibility timeout, ran out) finds its place still first.
         */
        public Duration keepPlace() {
            return lease.multipliedBy(2);
        }
    }
}
