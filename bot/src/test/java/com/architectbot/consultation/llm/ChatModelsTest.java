package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.consultation.AnswerJson;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.testing.FakeOpenAi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each provider's real client, built by {@link ChatModels}, completes a consultation against a loopback
 * server that answers in that provider's wire format: the request reaches the provider's path and
 * carries the persona and the answer schema.
 */
class ChatModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER_JSON = AnswerJson.toJson(FakeOpenAi.DEFAULT_ANSWER);

    private Loopback server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anthropic_model_sends_messages_with_the_schema() throws IOException {
        // given
        ObjectNode body = JSON.createObjectNode()
                .put("id", "msg_1")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", "claude-test")
                .put("stop_reason", "end_turn");
        body.putArray("content").addObject().put("type", "text").put("text", ANSWER_JSON);
        body.putObject("usage").put("input_tokens", 1).put("output_tokens", 1);
        server = Loopback.answering(body.toString());
        // when
        ConsultationAnswer answer = consult(Provider.ANTHROPIC, "claude-test", server.url() + "/v1/");
        // then
        assertThat(answer).isEqualTo(FakeOpenAi.DEFAULT_ANSWER);
        assertThat(server.paths).containsExactly("/v1/messages");
        assertThat(server.bodies.getFirst()).contains("output_config", "CRITICAL_BLOCKER", "production architect");
    }

    @Test
    void gemini_model_sends_generate_content_with_the_schema() throws IOException {
        // given
        ObjectNode body = JSON.createObjectNode();
        ObjectNode candidate = body.putArray("candidates").addObject().put("finishReason", "STOP");
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", ANSWER_JSON);
        body.putObject("usageMetadata")
                .put("promptTokenCount", 1)
                .put("candidatesTokenCount", 1)
                .put("totalTokenCount", 2);
        server = Loopback.answering(body.toString());
        // when
        ConsultationAnswer answer = consult(Provider.GEMINI, "gemini-test", server.url() + "/v1beta");
        // then
        assertThat(answer).isEqualTo(FakeOpenAi.DEFAULT_ANSWER);
        assertThat(server.paths).containsExactly("/v1beta/models/gemini-test:generateContent");
        assertThat(server.bodies.getFirst()).contains("application/json", "CRITICAL_BLOCKER", "production architect");
    }

    @Test
    void ollama_model_sends_chat_with_the_schema_as_format() throws IOException {
        // given
        ObjectNode body = JSON.createObjectNode()
                .put("model", "llama-test")
                .put("created_at", "2025-01-01T00:00:00Z")
                .put("done", true)
                .put("done_reason", "stop")
                .put("prompt_eval_count", 1)
                .put("eval_count", 1);
        body.putObject("message").put("role", "assistant").put("content", ANSWER_JSON);
        server = Loopback.answering(body.toString());
        // when
        ConsultationAnswer answer = consult(Provider.OLLAMA, "llama-test", server.url());
        // then
        assertThat(answer).isEqualTo(FakeOpenAi.DEFAULT_ANSWER);
        assertThat(server.paths).containsExactly("/api/chat");
        assertThat(JSON.readTree(server.bodies.getFirst()).get("format").isObject())
                .isTrue();
        assertThat(server.bodies.getFirst()).contains("CRITICAL_BLOCKER", "production architect");
    }

    private static ConsultationAnswer consult(Provider provider, String model, String baseUrl) {
        var settings = new ModelSettings(
                provider,
                model,
                provider.apiKeyVariable().map(v -> "test-key").orElse(null),
                baseUrl,
                Duration.ofSeconds(10),
                512,
                0);
        return LangChainArchitect.create(settings, List.of(), new SimpleMeterRegistry())
                .consult(List.of(), "How do we roll out updates?", TenantPreferences.DEFAULTS)
                .answer();
    }

    /** Records each request's path and body and answers every one with the same 200 body. */
    private static final class Loopback implements AutoCloseable {
        final List<String> paths = new CopyOnWriteArrayList<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        private final HttpServer http;

        private Loopback(String response) throws IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", exchange -> {
                try (exchange) {
                    paths.add(exchange.getRequestURI().getPath());
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            });
            http.start();
        }

        static Loopback answering(String response) throws IOException {
            return new Loopback(response);
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
