package com.architectbot.licence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.TestRedis;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class BestEffortRedisTest {

    private final UnifiedJedis jedis = TestRedis.client();
    private final String key = "ab:test:best-effort:" + UUID.randomUUID();

    @Test
    void with_every_turn_taken_a_read_is_a_miss_and_a_write_is_skipped_within_the_queue_wait() {
        BestEffortRedis redis = new BestEffortRedis(jedis, "test cache", "going without");
        jedis.set(key, "cached");
        BestEffortRedis.IN_FLIGHT.acquireUninterruptibly(BestEffortRedis.MAX_CALLS_IN_FLIGHT);
        try {
            long start = System.nanoTime();
            String read = redis.get(key);
            redis.set(key, "new", Duration.ofMinutes(1));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(read).isNull();
            assertThat(took).isLessThan(BestEffortRedis.MAX_QUEUE_WAIT.multipliedBy(3));
        } finally {
            BestEffortRedis.IN_FLIGHT.release(BestEffortRedis.MAX_CALLS_IN_FLIGHT);
        }
        assertThat(jedis.get(key)).isEqualTo("cached");
        assertThat(redis.get(key)).isEqualTo("cached");
    }

    @Test
    void an_interrupted_caller_gets_a_miss_at_once_and_keeps_its_interrupt() {
        BestEffortRedis redis = new BestEffortRedis(jedis, "test cache", "going without");
        jedis.set(key, "cached");
        BestEffortRedis.IN_FLIGHT.acquireUninterruptibly(BestEffortRedis.MAX_CALLS_IN_FLIGHT);
        try {
            Thread.currentThread().interrupt();
            long start = System.nanoTime();

            String read = redis.get(key);

            assertThat(read).isNull();
            assertThat(Thread.interrupted()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BestEffortRedis.MAX_QUEUE_WAIT);
        } finally {
            BestEffortRedis.IN_FLIGHT.release(BestEffortRedis.MAX_CALLS_IN_FLIGHT);
        }
    }
}
