package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.consultation.Question;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Picture;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A question's pictures reach each provider as image content in that provider's own wire form, read from the
 * request the real client sends (what the provider answers is not the point here); a model without vision gets
 * none, and the user a note.
 */
class QuestionMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = Pictures.png();
    private static final String BASE64 = Base64.getEncoder().encodeToString(PNG);
    private static final Question QUESTION =
            new Question("What breaks first?", List.of(new Picture("orders.png", "image/png", PNG)));

    @Test
    void openai_gets_the_text_and_an_image_url_with_a_data_uri() {
        try (var model = FakeOpenAi.start()) {
            architect(model.settings()).consult(List.of(), QUESTION, TenantPreferences.DEFAULTS, AnswerProgress.NONE);

            JsonNode last = lastOf(model.lastRequest().path("messages"));
            assertThat(last.path("role").asText()).isEqualTo("user");
            assertThat(last.path("content").get(0).path("text").asText()).isEqualTo("What breaks first?");
            JsonNode image = last.path("content").get(1);
            assertThat(image.path("type").asText()).isEqualTo("image_url");
            assertThat(image.at("/image_url/url").asText()).isEqualTo("data:image/png;base64," + BASE64);
        }
    }

    @Test
    void anthropic_gets_a_base64_image_source() throws IOException {
        JsonNode last = lastOf(requestOf(Provider.ANTHROPIC, "/v1/").path("messages"));

        JsonNode image = findType(last.path("content"), "image");
        assertThat(image.at("/source/type").asText()).isEqualTo("base64");
        assertThat(image.at("/source/media_type").asText()).isEqualTo("image/png");
        assertThat(image.at("/source/data").asText()).isEqualTo(BASE64);
        assertThat(findType(last.path("content"), "text").path("text").asText()).isEqualTo("What breaks first?");
    }

    @Test
    void gemini_gets_inline_data() throws IOException {
        JsonNode last = lastOf(requestOf(Provider.GEMINI, "/v1beta").path("contents"));

        JsonNode inline = JSON.createArrayNode();
        for (JsonNode part : last.path("parts")) {
            if (part.has("inline_data") || part.has("inlineData")) {
                inline = part.has("inline_data") ? part.get("inline_data") : part.get("inlineData");
            }
        }
        assertThat(inline.path("data").asText()).isEqualTo(BASE64);
        assertThat(
                        inline.has("mime_type")
                                ? inline.path("mime_type").asText()
                                : inline.path("mimeType").asText())
                .isEqualTo("image/png");
    }

    @Test
    void ollama_gets_the_images_of_the_message() throws IOException {
        JsonNode last = lastOf(requestOf(Provider.OLLAMA, "").path("messages"));

        assertThat(last.path("content").asText()).isEqualTo("What breaks first?");
        assertThat(last.path("images")).hasSize(1);
        assertThat(last.path("images").get(0).asText()).isEqualTo(BASE64);
    }

    @Test
    void a_model_without_vision_is_not_called_and_the_user_gets_the_note() {
        try (var model = FakeOpenAi.start()) {
            ModelSettings s = model.settings();
            var blind =
                    new ModelSettings(s.provider(), s.modelName(), s.apiKey(), s.baseUrl(), s.timeout(), 512, 0, false);

            assertThatThrownBy(() -> architect(blind)
                            .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS, AnswerProgress.NONE))
                    .isInstanceOf(PermanentFailure.class)
                    .extracting(e -> ((PermanentFailure) e).userMessage())
                    .asString()
                    .contains("can't read images", "Describe the diagram in words", "a model that reads images");
            assertThat(model.received()).isZero();
        }
    }

    @Test
    void a_question_without_pictures_is_asked_of_a_model_without_vision() {
        try (var model = FakeOpenAi.start()) {
            ModelSettings s = model.settings();
            var blind =
                    new ModelSettings(s.provider(), s.modelName(), s.apiKey(), s.baseUrl(), s.timeout(), 512, 0, false);

            architect(blind).consult(List.of(), "What breaks first?", TenantPreferences.DEFAULTS);

            assertThat(lastOf(model.lastRequest().path("messages"))
                            .path("content")
                            .asText())
                    .isEqualTo("What breaks first?");
        }
    }

    @Test
    void a_provider_refusing_image_input_gives_the_same_note() {
        try (var model = FakeOpenAi.start()) {
            String refusal = "{\"error\":{\"message\":\"Invalid content type. image_url is only supported by certain "
                    + "models.\",\"type\":\"invalid_request_error\"}}";
            model.enqueue(new FakeOpenAi.Response(400, refusal, Duration.ZERO));

            assertThatThrownBy(() -> architect(model.settings())
                            .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS, AnswerProgress.NONE))
                    .isInstanceOf(PermanentFailure.class)
                    .extracting(e -> ((PermanentFailure) e).userMessage())
                    .asString()
                    .contains("can't read images", "Describe the diagram in words");
        }
    }

    private static LangChainArchitect architect(ModelSettings settings) {
        return LangChainArchitect.create(settings, List.of(), new SimpleMeterRegistry());
    }

    /** The body of the one request the provider's real client sent; the loopback answers 503, not the point. */
    private static JsonNode requestOf(Provider provider, String path) throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            try (exchange) {
                bodies.add(
                        new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(503, -1);
            }
        });
        http.start();
        try {
            var settings = new ModelSettings(
                    provider,
                    "vision-test",
                    provider.apiKeyVariable().map(v -> "test-key").orElse(null),
                    "http://127.0.0.1:" + http.getAddress().getPort() + path,
                    Duration.ofSeconds(10),
                    512,
                    0,
                    true);
            try {
                architect(settings).consult(List.of(), QUESTION, TenantPreferences.DEFAULTS, AnswerProgress.NONE);
            } catch (RuntimeException expected) {
                // the loopback answered 503: only the request matters
            }
        } finally {
            http.stop(0);
        }
        assertThat(bodies).isNotEmpty();
        return JSON.readTree(bodies.getFirst());
    }

    private static JsonNode lastOf(JsonNode array) {
        assertThat(array.isArray() && !array.isEmpty())
                .as("a non-empty array in %s", array)
                .isTrue();
        return array.get(array.size() - 1);
    }

    private static JsonNode findType(JsonNode content, String type) {
        for (JsonNode part : content) {
            if (type.equals(part.path("type").asText())) {
                return part;
            }
        }
        throw new AssertionError("no " + type + " part in " + content);
    }
}
