package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/** Redis restarts under a running bot: it stops taking work, tells Slack to retry, and recovers by itself. */
class RedisRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path data;

    @Test
    void the_bot_recovers_when_redis_comes_back_without_a_restart() throws Exception {
        int port = freePort();
        RedisServer redis = redis(port);
        redis.start();
        try (var bot = new RunningBot(Map.of(
                "REDIS_URL",
                "redis://127.0.0.1:" + port,
                "REDIS_CONNECT_TIMEOUT_MS",
                "300",
                "REDIS_SOCKET_TIMEOUT_MS",
                "1000"))) {
            assertThat(status(bot, "/ready")).isEqualTo(200);

            // when Redis goes away
            redis.stop();
            // then the bot stays alive but not ready, and a Slack event is refused so Slack delivers it again
            awaitStatus(bot, "/ready", code -> code == 503);
            assertThat(status(bot, "/health")).isEqualTo(200);
            String channel = unique("C");
            var refused = bot.slackEvent(unique("Ev"), RunningBot.mention(channel, "1700000100.000100", null, "Lost?"));
            assertThat(refused.statusCode()).isGreaterThanOrEqualTo(500).isLessThan(600);

            // when Redis comes back on the same port
            redis = redis(port);
            redis.start();
            // then the bot is ready again and answers, with no restart
            awaitStatus(bot, "/ready", code -> code == 200);
            var accepted =
                    bot.slackEvent(unique("Ev"), RunningBot.mention(channel, "1700000100.000200", null, "Back?"));
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(bot.awaitSlackPosts(channel, "1700000100.000200", 1)).hasSize(1);
        } finally {
            redis.stop();
        }
    }

    private RedisServer redis(int port) throws IOException {
        return RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + data)
                .setting("appendonly yes")
                .build();
    }

    private static int status(RunningBot bot, String path) {
        return bot.send(HttpRequest.newBuilder(bot.uri(path)).build()).statusCode();
    }

    private static void awaitStatus(RunningBot bot, String path, IntPredicate expected) {
        Awaitility.await("the expected status of " + path)
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(() -> status(bot, path), expected::test);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
