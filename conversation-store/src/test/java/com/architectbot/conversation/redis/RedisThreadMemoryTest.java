package com.architectbot.conversation.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.ThreadMemory;
import com.architectbot.conversation.TokenEstimator;
import com.architectbot.redis.RedisConnection;
import com.architectbot.redis.RedisSettings;
import com.architectbot.redis.RedisUrl;
import com.architectbot.redis.StoreUnavailableException;
import com.architectbot.testing.TestRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisThreadMemoryTest extends ThreadMemoryContract {

    private static final Duration TTL = Duration.ofHours(6);
    private static final int MAX_TURNS = 200;

    private static RedisConnection redis;

    @BeforeAll
    static void connect() {
        redis = TestRedis.connection();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Override
    protected ThreadMemory createMemory(TokenEstimator estimator) {
        return new RedisThreadMemory(redis, new RedisThreadMemory.Settings(TTL, MAX_TURNS, estimator));
    }

    @Test
    void every_key_of_a_thread_gets_the_time_to_live_on_write() {
        // given
        var thread = thread("1700000000.001000");
        // when
        memory.remember(thread, turn(1));
        // then
        for (String key : redis.client().keys(pattern(thread))) {
            assertThat(redis.client().pttl(key)).as(key).isPositive().isLessThanOrEqualTo(TTL.toMillis());
        }
        assertThat(redis.client().keys(pattern(thread))).hasSize(2);
    }

    @Test
    void each_write_refreshes_the_time_to_live_of_the_whole_thread() {
        // given: a thread whose keys are about to expire
        var thread = thread("1700000000.001100");
        memory.remember(thread, turn(1));
        for (String key : redis.client().keys(pattern(thread))) {
            redis.client().pexpire(key, 60_000);
        }
        // when
        memory.remember(thread, turn(2));
        // then
        for (String key : redis.client().keys(pattern(thread))) {
            assertThat(redis.client().pttl(key)).as(key).isGreaterThan(60_000).isLessThanOrEqualTo(TTL.toMillis());
        }
    }

    @Test
    void a_thread_keeps_at_most_max_turns_and_drops_the_oldest() {
        // given
        var small = new RedisThreadMemory(redis, new RedisThreadMemory.Settings(TTL, 3, TokenEstimator.approximate()));
        var thread = thread("1700000000.001200");
        // when
        for (int n = 1; n <= 5; n++) {
            small.remember(thread, turn(n));
        }
        // then
        assertThat(small.recall(thread, 100_000)).containsExactly(turn(3), turn(4), turn(5));
        assertThat(small.find(thread, "inq-1")).isEmpty();
        assertThat(redis.client().scard("ab:{" + thread.id() + "}:inquiries")).isEqualTo(3);
    }

    @Test
    void keys_are_namespaced_by_tenant_and_share_the_thread_hash_tag() {
        // given
        var thread = thread("1700000000.001300");
        // when
        memory.remember(thread, turn(1));
        // then
        assertThat(redis.client().keys(pattern(thread)))
                .containsExactlyInAnyOrder(
                        "ab:{slack:" + tenant + ":C1:1700000000.001300}:turns",
                        "ab:{slack:" + tenant + ":C1:1700000000.001300}:inquiries");
    }

    @Test
    void forget_leaves_no_key_of_the_thread() {
        // given
        var thread = thread("1700000000.001400");
        memory.remember(thread, turn(1));
        // when
        memory.forget(thread);
        // then
        assertThat(redis.client().keys(pattern(thread))).isEmpty();
    }

    @Test
    void an_unreachable_redis_surfaces_as_store_unavailable() throws IOException {
        // given
        int closedPort = closedLoopbackPort();
        try (var down = RedisConnection.open(new RedisSettings(
                RedisUrl.parse("redis://bot:s3cret@127.0.0.1:" + closedPort),
                Path.of(RedisSettings.DEFAULT_DATA_DIR),
                RedisSettings.DEFAULT_EMBEDDED_PORT,
                Duration.ofMillis(500),
                RedisSettings.DEFAULT_SOCKET_TIMEOUT))) {
            var memoryOnDown = new RedisThreadMemory(down, RedisThreadMemory.Settings.defaults());
            // when / then
            assertThatThrownBy(() -> memoryOnDown.recall(thread("1700000000.001500"), 100))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("Redis at redis://bot:***@127.0.0.1:" + closedPort + "/0 is unreachable: ")
                    .hasMessageNotContaining("s3cret")
                    .hasCauseInstanceOf(JedisConnectionException.class);
        }
    }

    private static String pattern(ThreadKey thread) {
        return "ab:{" + thread.id() + "}:*";
    }

    static int closedLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
