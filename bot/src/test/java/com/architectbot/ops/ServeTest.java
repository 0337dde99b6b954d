package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_serving_bot_is_healthy_and_ready_when_redis_answers() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config(TestRedis.uri().toString(), model));
                var serving = bot.serve()) {
            assertThat(get(serving.port(), "/health")).isEqualTo(200);
            assertThat(get(serving.port(), "/ready")).isEqualTo(200);
        }
    }

    @Test
    void a_bot_whose_redis_is_away_is_alive_but_not_ready() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config("redis://127.0.0.1:" + closedPort(), model));
                var serving = bot.serve()) {
            assertThat(get(serving.port(), "/health")).isEqualTo(200);
            assertThat(get(serving.port(), "/ready")).isEqualTo(503);
        }
    }

    @Test
    void an_unknown_path_gets_404_with_a_json_reason() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config(TestRedis.uri().toString(), model));
                var serving = bot.serve()) {
            var response = http.send(request(serving.port(), "/nope"), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("no such endpoint");
        }
    }

    private static BotConfig config(String redisUrl, FakeOpenAi model) {
        return BotConfig.from(BotEnvironment.served(model)
                .with("REDIS_URL", redisUrl)
                .with("REDIS_CONNECT_TIMEOUT_MS", "300")
                .with("SHUTDOWN_GRACE_SECONDS", "1")
                .environment());
    }

    private int get(int port, String path) throws IOException, InterruptedException {
        return http.send(request(port, path), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
