package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.server.ManagementSettings;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    private static final String TOKEN = "metrics-token-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_consultation_shows_as_a_request_a_model_call_and_tokens_by_model() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config(model));
                var serving = bot.serve()) {
            // given
            String tenant = "metrics-" + UUID.randomUUID();
            // when
            bot.answer(new Inquiry(
                    new InquiryId("cli:" + UUID.randomUUID()),
                    InquiryKind.CONSULTATION,
                    new ThreadKey(Surface.CLI, tenant, "terminal", "t1"),
                    "someone",
                    "Should we shard?"));
            HttpResponse<String> metrics = get(serving.managementPort(), "/metrics");
            // then
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
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
            String metrics = get(serving.managementPort(), "/metrics").body();
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

    @Test
    void the_public_port_does_not_serve_metrics() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config(model));
                var serving = bot.serve()) {
            // when
            HttpResponse<String> response = get(serving.port(), "/metrics");
            // then
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("architect_", "jvm_");
            assertThat(get(serving.managementPort(), "/metrics").statusCode()).isEqualTo(200);
            assertThat(serving.managementPort()).isNotEqualTo(serving.port());
        }
    }

    @Test
    void with_a_metrics_token_a_scrape_without_the_bearer_token_gets_401() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var bot = ArchitectBot.open(config(model, Map.of("METRICS_TOKEN", TOKEN)));
                var serving = bot.serve()) {
            // when
            HttpResponse<String> none = get(serving.managementPort(), "/metrics");
            HttpResponse<String> wrong =
                    get(serving.managementPort(), "/metrics", "Bearer " + TOKEN.substring(1) + "x");
            HttpResponse<String> basic = get(serving.managementPort(), "/metrics", "Basic " + TOKEN);
            HttpResponse<String> right = get(serving.managementPort(), "/metrics", "Bearer " + TOKEN);
            // then
            for (HttpResponse<String> refused : List.of(none, wrong, basic)) {
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                assertThat(refused.body()).doesNotContain("architect_", "jvm_", TOKEN);
            }
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void the_management_listener_is_on_loopback_port_9090_unless_configured() {
        // when
        ManagementSettings defaults = ManagementSettings.from(new Environment(Map.of()));
        // then
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(9090);
        assertThat(defaults.token()).isEmpty();
        assertThat(defaults.loopbackOnly()).isTrue();
        assertThat(ManagementSettings.from(new Environment(Map.of("MANAGEMENT_HOST", "0.0.0.0")))
                        .loopbackOnly())
                .isFalse();
    }

    @Test
    void a_short_token_or_the_public_port_as_management_port_fails_at_start_naming_the_variable() {
        assertThatThrownBy(() -> ManagementSettings.from(new Environment(Map.of("METRICS_TOKEN", "short"))))
                .hasMessageContaining("METRICS_TOKEN is too short")
                .hasMessageNotContaining("=short");
        assertThatThrownBy(() -> BotConfig.from(new Environment(Map.of("PORT", "8080", "MANAGEMENT_PORT", "8080"))))
                .hasMessageContaining("MANAGEMENT_PORT=8080 is the public PORT");
    }

    @Test
    void a_taken_management_port_stops_serve_with_a_message_naming_the_variable() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start();
                var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var config = config(model, Map.of("MANAGEMENT_PORT", String.valueOf(taken.getLocalPort())));
            try (var bot = ArchitectBot.open(config)) {
                assertThatThrownBy(bot::serve)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                        .hasMessageContaining("set MANAGEMENT_PORT to another port");
            }
        }
    }

    @Test
    void the_settings_log_line_masks_the_metrics_token() {
        assertThat(ManagementSettings.from(new Environment(Map.of("METRICS_TOKEN", TOKEN)))
                        .toString())
                .doesNotContain(TOKEN)
                .contains("token=***");
    }

    private static BotConfig config(FakeOpenAi model) {
        return config(model, Map.of());
    }

    private static BotConfig config(FakeOpenAi model, Map<String, String> more) {
        return BotConfig.from(BotEnvironment.served(model)
                .with("SHUTDOWN_GRACE_SECONDS", "1")
                .with(more)
                .environment());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", authorization)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
