package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.consultation.AnswerJson;
import com.architectbot.consultation.Question;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.ArchitectReply;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeStreamingModel;
import com.architectbot.testing.FakeStreamingModel.Wire;
import com.architectbot.testing.TokenPace;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each provider's real streaming client, built by {@link ChatModels}, completes a consultation against a loopback
 * server that streams in that provider's wire format: the request reaches the provider's streaming path and carries
 * the persona and the answer schema, drafts arrive while the stream is still running, and the typed answer and the
 * token counts come out at the end.
 */
class ChatModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER_JSON = AnswerJson.toJson(FakeOpenAi.DEFAULT_ANSWER);
    /** Slow enough that the stream is still running when the summary is done, quick enough for a unit test. */
    private static final TokenPace PACE = TokenPace.of(100);

    private FakeStreamingModel server;
    private final Drafts drafts = new Drafts();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anthropic_model_streams_messages_with_the_schema() throws IOException {
        // given
        server = FakeStreamingModel.start(Wire.ANTHROPIC, ANSWER_JSON, PACE);
        // when
        ArchitectReply reply = consult(Provider.ANTHROPIC, "claude-test", server.url() + "/v1/");
        // then
        assertStreamedAnswer(reply);
        assertThat(server.paths()).containsExactly("/v1/messages");
        assertThat(JSON.readTree(server.bodies().getFirst()).get("stream").asBoolean())
                .isTrue();
        assertThat(server.bodies().getFirst()).contains("output_config", "CRITICAL_BLOCKER", "production architect");
    }

    @Test
    void gemini_model_streams_generate_content_with_the_schema() {
        // given
        server = FakeStreamingModel.start(Wire.GEMINI, ANSWER_JSON, PACE);
        // when
        ArchitectReply reply = consult(Provider.GEMINI, "gemini-test", server.url() + "/v1beta");
        // then
        assertStreamedAnswer(reply);
        assertThat(server.paths()).containsExactly("/v1beta/models/gemini-test:streamGenerateContent?alt=sse");
        assertThat(server.bodies().getFirst()).contains("application/json", "CRITICAL_BLOCKER", "production architect");
    }

    @Test
    void ollama_model_streams_chat_with_the_schema_as_format() throws IOException {
        // given
        server = FakeStreamingModel.start(Wire.OLLAMA, ANSWER_JSON, PACE);
        // when
        ArchitectReply reply = consult(Provider.OLLAMA, "llama-test", server.url());
        // then
        assertStreamedAnswer(reply);
        assertThat(server.paths()).containsExactly("/api/chat");
        var body = JSON.readTree(server.bodies().getFirst());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("format").isObject()).isTrue();
        assertThat(server.bodies().getFirst()).contains("CRITICAL_BLOCKER", "production architect");
    }

    private void assertStreamedAnswer(ArchitectReply reply) {
        assertThat(reply.answer()).isEqualTo(FakeOpenAi.DEFAULT_ANSWER);
        assertThat(reply.usage().inputTokens()).isEqualTo(7);
        assertThat(reply.usage().outputTokens()).isEqualTo(11);
        assertThat(drafts.seen).as("drafts while the answer was written").hasSizeGreaterThan(1);
        assertThat(drafts.seen.getFirst().writing()).isEqualTo(AnswerSection.SUMMARY);
        assertThat(drafts.seen.getLast().sofar().summary()).isEqualTo(FakeOpenAi.DEFAULT_ANSWER.summary());
        assertThat(drafts.streamsEndedAtFirstFinishedSummary)
                .as("the summary was shown before the model sent its last token")
                .isZero();
    }

    private ArchitectReply consult(Provider provider, String model, String baseUrl) {
        var settings = new ModelSettings(
                provider,
                model,
                provider.apiKeyVariable().map(v -> "test-key").orElse(null),
                baseUrl,
                Duration.ofSeconds(10),
                512,
                0);
        return LangChainArchitect.create(settings, List.of(), new SimpleMeterRegistry())
                .consult(
                        List.of(),
                        new Question("How do we roll out updates?", List.of()),
                        TenantPreferences.DEFAULTS,
                        drafts);
    }

    /** Records each draft, and how many streams had ended when the first one with a finished summary came. */
    private final class Drafts implements AnswerProgress {
        final List<AnswerDraft> seen = new CopyOnWriteArrayList<>();
        volatile int streamsEndedAtFirstFinishedSummary = -1;

        @Override
        public void status(String line) {}

        @Override
        public void draft(AnswerDraft draft) {
            if (draft.finished(AnswerSection.SUMMARY) && streamsEndedAtFirstFinishedSummary < 0) {
                streamsEndedAtFirstFinishedSummary = server.streamsEnded();
            }
            seen.add(draft);
        }
    }
}
