package com.architectbot.licence.redis;

import java.time.Duration;
import java.util.concurrent.Semaphore;
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
     * the connection pool's size they would spin in the pool's borrow loop, so they queue here instead.
     */
    static final int MAX_CALLS_IN_FLIGHT = 16;

    private static final Logger log = LoggerFactory.getLogger(BestEffortRedis.class);

    private final UnifiedJedis redis;
    private final String cacheName;
    private final String meanwhile;
    private final AtomicBoolean away = new AtomicBoolean();
    private final Semaphore inFlight = new Semaphore(MAX_CALLS_IN_FLIGHT);

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
        inFlight.acquireUninterruptibly();
        try {
            String value = redis.get(key);
            back();
            return value;
        } catch (JedisException e) {
            gone(e);
            return null;
        } finally {
            inFlight.release();
        }
    }

    /** Sets {@code key} to {@code value} for {@code ttl}, unless Redis is away. */
    void set(String key, String value, Duration ttl) {
        inFlight.acquireUninterruptibly();
        try {
            redis.set(key, value, SetParams.setParams().px(ttl.toMillis()));
            back();
        } catch (JedisException e) {
            gone(e);
        } finally {
            inFlight.release();
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
