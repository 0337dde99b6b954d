package com.architectbot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.architectbot.testing.TestRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.embedded.RedisServer;

class RedisConnectionTest {

    @TempDir
    Path dataDir;

    private final Logger redisLogs = (Logger) LoggerFactory.getLogger("com.architectbot.redis");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        redisLogs.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        redisLogs.detachAppender(logs);
    }

    @Test
    void without_redis_url_the_embedded_server_keeps_data_across_restarts() throws IOException {
        // given
        var settings = embedded(freeLoopbackPort());
        try (var first = RedisConnection.open(settings)) {
            first.client().set("restart:key", "kept");
        }
        // when
        try (var second = RedisConnection.open(settings)) {
            // then
            assertThat(second.client().get("restart:key")).isEqualTo("kept");
            assertThat(second.isReachable()).isTrue();
        }
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("appendonly"));
    }

    @Test
    void starting_the_embedded_server_logs_one_info_line_with_port_and_data_dir() throws IOException {
        // given
        int port = freeLoopbackPort();
        // when
        try (var connection = RedisConnection.open(embedded(port))) {
            // then
            assertThat(infoLines())
                    .singleElement()
                    .asString()
                    .contains("REDIS_URL is not set: started embedded Redis on 127.0.0.1:" + port)
                    .contains(dataDir.toAbsolutePath().toString());
        }
    }

    @Test
    void a_second_start_on_a_port_where_redis_answers_reuses_it_and_leaves_it_running() throws IOException {
        // given: a serve process that started the embedded server
        var settings = embedded(freeLoopbackPort());
        try (var serve = RedisConnection.open(settings)) {
            serve.client().set("shared:key", "from serve");
            logs.list.clear();
            // when: a CLI consult starts on the same port
            try (var consult = RedisConnection.open(settings)) {
                // then
                assertThat(consult.client().get("shared:key")).isEqualTo("from serve");
                assertThat(infoLines()).singleElement().asString().contains("reusing the Redis already answering");
            }
            assertThat(serve.isReachable())
                    .as("closing the reuser leaves the server running")
                    .isTrue();
        }
        assertThat(EmbeddedRedis.answersPing(settings.embeddedPort()))
                .as("its starter stops it")
                .isFalse();
    }

    @Test
    void a_foreign_redis_on_the_embedded_port_is_refused_and_left_untouched(@TempDir Path foreignDir)
            throws IOException {
        // given: somebody else's Redis, with data of its own, on the port the embedded one would use
        int port = freeLoopbackPort();
        RedisServer foreign = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir \"" + foreignDir + "\"")
                .setting("appendonly no")
                .setting("save \"\"")
                .onShutdownForceStop(true)
                .build();
        foreign.start();
        try (var theirs = RedisClient.create("redis://127.0.0.1:" + port)) {
            theirs.set("their:key", "theirs");
            long keysBefore = theirs.dbSize();
            // when / then
            assertThatThrownBy(() -> RedisConnection.open(embedded(port)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port + " is not this bot's embedded Redis")
                    .hasMessageContaining("REDIS_EMBEDDED_PORT")
                    .hasMessageContaining("REDIS_URL");
            assertThat(theirs.dbSize()).isEqualTo(keysBefore);
            assertThat(theirs.get("their:key")).isEqualTo("theirs");
            assertThat(infoLines()).noneMatch(line -> line.contains("reusing"));
        } finally {
            foreign.stop();
        }
    }

    @Test
    void an_external_url_is_used_and_answers_ping() {
        try (var connection = TestRedis.connection()) {
            assertThat(connection.isReachable()).isTrue();
            String answer = connection.call(jedis -> jedis.ping());
            assertThat(answer).isEqualTo("PONG");
        }
    }

    @Test
    void an_unreachable_server_is_reported_as_store_unavailable_without_the_password() throws IOException {
        // given
        int closedPort = freeLoopbackPort();
        try (var connection = RedisConnection.open(external("redis://bot:s3cret@127.0.0.1:" + closedPort))) {
            // when / then
            assertThat(connection.isReachable()).isFalse();
            assertThatThrownBy(() -> connection.call(jedis -> jedis.get("any")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("Redis at redis://bot:***@127.0.0.1:" + closedPort + "/0 is unreachable: ")
                    .hasMessageNotContaining("s3cret")
                    .hasCauseInstanceOf(JedisConnectionException.class);
        }
    }

    @Test
    void an_unreachable_cluster_fails_at_open_as_store_unavailable() throws IOException {
        int closedPort = freeLoopbackPort();

        assertThatThrownBy(() -> RedisConnection.open(external("redis-cluster://bot:s3cret@127.0.0.1:" + closedPort)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("Redis at redis-cluster://bot:***@127.0.0.1:" + closedPort + " is unreachable")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void an_unreachable_sentinel_fails_at_open_as_store_unavailable() throws IOException {
        int closedPort = freeLoopbackPort();

        assertThatThrownBy(
                        () -> RedisConnection.open(external("redis-sentinel://127.0.0.1:" + closedPort + "/mymaster")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith(
                        "Redis at redis-sentinel://127.0.0.1:" + closedPort + "/mymaster/0 is unreachable");
    }

    private RedisSettings embedded(int port) {
        return new RedisSettings(
                null, dataDir, port, RedisSettings.DEFAULT_CONNECT_TIMEOUT, RedisSettings.DEFAULT_SOCKET_TIMEOUT);
    }

    private static RedisSettings external(String url) {
        return new RedisSettings(
                RedisUrl.parse(url),
                Path.of(RedisSettings.DEFAULT_DATA_DIR),
                RedisSettings.DEFAULT_EMBEDDED_PORT,
                Duration.ofMillis(500),
                Duration.ofMillis(500));
    }

    private List<String> infoLines() {
        return logs.list.stream()
                .filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
