package com.architectbot.queue.redis;

import com.architectbot.core.RetryableFailure;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns Jedis failures into the core's failure type. Every Redis failure the queue sees is worth trying
 * again: a lost connection, a failover (READONLY), a server still loading, or out of memory.
 */
final class RedisFailures {

    private RedisFailures() {}

    static <T> T retryable(String what, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new RetryableFailure(what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static void retryable(String what, Runnable command) {
        retryable(what, () -> {
            command.run();
            return null;
        });
    }
}
