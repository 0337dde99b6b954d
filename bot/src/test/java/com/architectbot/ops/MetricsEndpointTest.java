package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.consultation.Inquiry;
import com.architectbot.consultation.InquiryId;
import com.architectbot.consultation.InquiryKind;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_consultation_shows_as_a_request_a_model_call_and_tokens_by_model() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config(model));
                var serving = bot.serve()) {
            // given
            String tenant = "metrics-" + UUID.randomUUID();
            // when
            bot.answer(new Inquiry(new InquiryId("cli:" + UUID.randomUUID()), InquiryKind.CONSULTATION,
                    new ThreadKey(Surface.CLI, tenant, "terminal", "t1"), "someone", "Should we shard?"));
            HttpResponse<String> metrics = get(serving.port(), "/metrics");
            // then
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("architect_requests_total{channel=\"cli\",kind=\"consultation\"} 1.0")
                    .containsPattern("architect_model_latency_seconds_count\\{model=\"gpt-4.1-mini\",outcome=\"ok\","
                            + "provider=\"openai\"} [1-9]")
                    .containsPattern("architect_model_tokens_total\\{direction=\"in\",model=\"gpt-4.1-mini\","
                            + "provider=\"openai\"} [1-9]")
                    .containsPattern("architect_model_tokens_total\\{direction=\"out\",model=\"gpt-4.1-mini\","
                            + "provider=\"openai\"} [1-9]");
        }
    }

    @Test
    void the_http_histogram_is_tagged_with_the_route_and_the_queue_gauges_are_read() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config(model));
                var serving = bot.serve()) {
            // given
            get(serving.port(), "/health");
            get(serving.port(), "/no/such/path/" + UUID.randomUUID());
            // when
            String metrics = get(serving.port(), "/metrics").body();
            // then
            assertThat(metrics)
                    .containsPattern("architect_http_requests_seconds_bucket\\{method=\"GET\",path=\"/health\","
                            + "status=\"200\",le=\"[0-9.]+\"}")
                    .contains("architect_http_requests_seconds_count{method=\"unmatched\",path=\"unmatched\","
                            + "status=\"404\"} 1")
                    .doesNotContain("/no/such/path")
                    .containsPattern("architect_queue_depth [0-9]")
                    .containsPattern("architect_queue_oldest_age_seconds [0-9]")
                    .contains("jvm_memory_used_bytes");
        }
    }

    private static BotConfig config(FakeOpenAi model) {
        return BotConfig.from(new Environment(Map.of(
                "PORT", "0", "HOST", "127.0.0.1", "REDIS_URL", TestRedis.uri().toString(),
                "LLM_PROVIDER", "openai", "OPENAI_API_KEY", FakeOpenAi.API_KEY, "OPENAI_BASE_URL", model.baseUrl(),
                "SHUTDOWN_GRACE_SECONDS", "1")));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
