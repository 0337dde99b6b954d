package com.architectbot.licence.redis;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Redis for a cache that speeds a check up and never fails it: with Redis away a read finds nothing and a
 * write is skipped. Says so once when Redis goes and once when it is back, not on every call.
 */
final class BestEffortRedis {

    /**
     * Calls in flight at once. A check looks hundreds of packages up on virtual threads at the same moment; past
     * the connection pool's size they would spin in the pool's borrow loop, so they queue here instead. One bound for
     * every licence cache in the process, so together they leave most of the pool (64) to the rest of the bot.
     */
    static final int MAX_CALLS_IN_FLIGHT = 16;
    /** How long a call queues for a turn before the cache counts as not there for it (a miss, a skipped write). */
    static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(2);

    /** Shared by all instances: the bound is per process, not per cache. */
    static final Semaphore IN_FLIGHT = new Semaphore(MAX_CALLS_IN_FLIGHT);

    private static final Logger log = LoggerFactory.getLogger(BestEffortRedis.class);

    private final UnifiedJedis redis;
    private final String cacheName;
    private final String meanwhile;
    private final AtomicBoolean away = new AtomicBoolean();

    /**
     * @param cacheName what the log calls the cache, e.g. "licence cache"
     * @param meanwhile what happens while Redis is away, e.g. "asking the registries directly"
     */
    BestEffortRedis(UnifiedJedis redis, String cacheName, String meanwhile) {
        this.redis = redis;
        this.cacheName = cacheName;
        this.meanwhile = meanwhile;
    }

    /** The value under {@code key}; null when there is none or Redis is away. */
    String get(String key) {
        if (!turn()) {
            return null;
        }
        try {
            String value = redis.get(key);
            back();
            return value;
        } catch (JedisException e) {
            gone(e);
            return null;
        } finally {
            IN_FLIGHT.release();
        }
    }

    /** Sets {@code key} to {@code value} for {@code ttl}, unless Redis is away. */
    void set(String key, String value, Duration ttl) {
        if (!turn()) {
            return;
        }
        try {
            redis.set(key, value, SetParams.setParams().px(ttl.toMillis()));
            back();
        } catch (JedisException e) {
            gone(e);
        } finally {
            IN_FLIGHT.release();
        }
    }

    /** A turn within {@link #MAX_QUEUE_WAIT}; false when none came or the caller was interrupted. */
    private static boolean turn() {
        try {
            return IN_FLIGHT.tryAcquire(MAX_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void gone(JedisException e) {
        if (away.compareAndSet(false, true)) {
            log.warn("{} unavailable, {} until Redis is back: {}", cacheName, meanwhile, e.toString());
        }
    }

    private void back() {
        if (away.compareAndSet(true, false)) {
            log.info("{} available again", cacheName);
        }
    }
}
