package com.architectbot.conversation;

import static java.util.Objects.requireNonNull;

import com.architectbot.redis.RedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * Per-thread locks in Redis: {@code SET key token NX PX lease}. The lease frees the lock of a worker that
 * died holding it; only the holder of the token releases it. A consultation that outlives its lease loses
 * the lock, so the lease must exceed the slowest model call.
 */
public final class RedisThreadLocks implements ThreadLocks {

    /** Deletes the lock only if it still holds the caller's token. KEYS: lock. ARGV: token. */
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private static final Logger log = LoggerFactory.getLogger(RedisThreadLocks.class);

    private final RedisConnection redis;
    private final Settings settings;

    public RedisThreadLocks(RedisConnection redis, Settings settings) {
        this.redis = requireNonNull(redis, "redis");
        this.settings = requireNonNull(settings, "settings");
    }

    @Override
    public ThreadLock acquire(ThreadKey thread, Duration wait) {
        requireNonNull(wait, "wait");
        String key = RedisKeys.lock(thread);
        String token = UUID.randomUUID().toString();
        SetParams lease = SetParams.setParams().nx().px(settings.lease().toMillis());
        long start = System.nanoTime();
        long deadline = start + Math.max(0, wait.toNanos());
        while (true) {
            if ("OK".equals(redis.call(jedis -> jedis.set(key, token, lease)))) {
                return new HeldLock(key, token, thread);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ThreadBusyException(thread, Duration.ofNanos(System.nanoTime() - start));
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, settings.pollInterval().toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ThreadBusyException(thread, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private final class HeldLock implements ThreadLock {
        private final String key;
        private final String token;
        private final ThreadKey thread;
        private boolean released;

        HeldLock(String key, String token, ThreadKey thread) {
            this.key = key;
            this.token = token;
            this.thread = thread;
        }

        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                Object deleted = redis.call(jedis -> jedis.eval(RELEASE, List.of(key), List.of(token)));
                if (Long.valueOf(0L).equals(deleted)) {
                    log.warn("lock of thread {} had expired before release (lease {}): another worker may have "
                            + "answered in parallel", thread, settings.lease());
                }
            } catch (StoreUnavailableException e) {
                // The work is done; the lease frees the lock. Failing the job here would only repeat it.
                log.warn("could not release the lock of thread {}; it expires with its lease: {}", thread,
                        e.getMessage());
            }
        }
    }

    /**
     * @param lease how long a lock lives unless released (default {@link #DEFAULT_LEASE}): longer than the
     *     slowest consultation, short enough that a dead worker's thread is free again soon
     * @param pollInterval how often a waiting {@link #acquire} retries (default {@link #DEFAULT_POLL_INTERVAL})
     */
    public record Settings(Duration lease, Duration pollInterval) {

        public static final Duration DEFAULT_LEASE = Duration.ofMinutes(3);
        public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);

        public Settings {
            requireNonNull(lease, "lease");
            requireNonNull(pollInterval, "pollInterval");
            if (lease.toMillis() <= 0 || pollInterval.toMillis() <= 0) {
                throw new IllegalArgumentException("lock lease and poll interval must be at least 1 ms, were "
                        + lease + " and " + pollInterval);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_LEASE, DEFAULT_POLL_INTERVAL);
        }
    }
}
