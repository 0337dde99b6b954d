package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.consultation.AnswerJson;
import com.architectbot.conversation.Turn;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.prompts.Prompts;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeOpenAi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LangChainArchitectTest {

    private static final String QUESTION = "Should we add SSO for enterprise customers?";
    private static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Add SSO before the enterprise launch. It gates the deals.",
            List.of("No tenant isolation in the session store."),
            List.of(new AreaAnalysis(Area.ACCOUNTS_AND_SUBSCRIPTIONS, List.of("SAML and OIDC both expected."))),
            List.of(new Recommendation("Offer OIDC first.", Priority.CRITICAL_BLOCKER)),
            List.of("Which identity providers do your prospects use?"));

    private final FakeOpenAi model = FakeOpenAi.start();

    @AfterEach
    void stopFake() {
        model.close();
    }

    @Test
    void persona_is_the_system_message_and_the_question_comes_last() {
        // when
        architect().consult(List.of(), QUESTION, TenantPreferences.DEFAULTS).answer();
        // then
        JsonNode messages = model.lastRequest().get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText())
                .isEqualTo(Prompts.render(Prompts.PRODUCTION_ARCHITECT, Map.of()));
        assertThat(messages.get(messages.size() - 1).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(messages.size() - 1).get("content").asText()).isEqualTo(QUESTION);
    }

    @Test
    void answer_is_read_into_the_record() {
        // given
        model.enqueue(Response.answer(ANSWER));
        // when
        ConsultationAnswer answer = architect()
                .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                .answer();
        // then
        assertThat(answer).isEqualTo(ANSWER);
    }

    @Test
    void response_format_carries_the_answer_schema_read_from_the_record() {
        // when
        architect().consult(List.of(), QUESTION, TenantPreferences.DEFAULTS).answer();
        // then
        JsonNode format = model.lastRequest().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        JsonNode schema = format.at("/json_schema/schema");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactlyElementsOf(fieldNames());
        assertThat(schema.at("/properties/recommendations/items/properties/priority/enum"))
                .extracting(JsonNode::asText)
                .containsExactlyElementsOf(
                        Arrays.stream(Priority.values()).map(Enum::name).toList());
        assertThat(schema.at("/properties/analysis/items/properties/area/enum")).hasSize(Area.values().length);
    }

    @Test
    void the_schema_the_model_gets_is_unchanged_for_todays_answer_record() throws IOException {
        // given the schema as sent before it was read from the record
        JsonNode before;
        try (InputStream in = LangChainArchitectTest.class.getResourceAsStream("/model/answer-schema.json")) {
            before = new ObjectMapper().readTree(in);
        }
        // when
        architect().consult(List.of(), QUESTION, TenantPreferences.DEFAULTS).answer();
        // then
        assertThat(model.lastRequest().at("/response_format/json_schema").toString())
                .as("same fields, guidance and order")
                .isEqualTo(before.toString());
    }

    @Test
    void earlier_turns_are_sent_in_order_before_the_question() {
        // given
        String earlierAnswer = AnswerJson.toJson(FakeOpenAi.DEFAULT_ANSWER);
        List<Turn> history = List.of(
                new Turn("slack:E1", "U1", "First question?", earlierAnswer, Instant.parse("2025-01-01T00:00:00Z")),
                new Turn("slack:E2", "U2", "Second question?", earlierAnswer, Instant.parse("2025-01-01T00:01:00Z")));
        // when
        architect().consult(history, QUESTION, TenantPreferences.DEFAULTS).answer();
        // then
        JsonNode messages = model.lastRequest().get("messages");
        assertThat(messages)
                .extracting(m -> m.get("role").asText())
                .containsExactly("system", "user", "assistant", "user", "assistant", "user");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("First question?");
        assertThat(messages.get(2).get("content").asText()).isEqualTo(earlierAnswer);
        assertThat(messages.get(3).get("content").asText()).isEqualTo("Second question?");
        assertThat(messages.get(5).get("content").asText()).isEqualTo(QUESTION);
    }

    @Test
    void server_error_is_retried_by_the_client_and_answered() {
        // given
        model.enqueue(Response.error(500), Response.answer(ANSWER));
        // when
        ConsultationAnswer answer = architect(model.settings(Duration.ofSeconds(10), 1))
                .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                .answer();
        // then
        assertThat(answer).isEqualTo(ANSWER);
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void server_errors_beyond_the_client_retries_are_retryable() {
        // given
        model.enqueue(Response.error(503));
        // when / then
        assertThatThrownBy(() -> architect()
                        .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                        .answer())
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("openai")
                .hasMessageContaining(model.baseUrl())
                .hasMessageContaining(" ms");
    }

    @Test
    void rate_limit_is_retryable() {
        // given
        model.enqueue(Response.error(429));
        // when / then
        assertThatThrownBy(() -> architect()
                        .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                        .answer())
                .isInstanceOf(RetryableFailure.class);
    }

    @Test
    void slow_model_times_out_as_a_retryable_failure() {
        // given
        model.enqueue(Response.answer(ANSWER).after(Duration.ofSeconds(30)));
        var architect = architect(model.settings(Duration.ofMillis(300), 0));
        // when / then
        assertThatThrownBy(() -> architect
                        .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                        .answer())
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("no answer within")
                .hasMessageContaining(model.baseUrl());
    }

    @Test
    void reply_that_is_not_json_is_repaired_on_a_second_call() {
        // given
        model.enqueue(Response.content("Sure! Here is my advice: add SSO."), Response.answer(ANSWER));
        // when
        ConsultationAnswer answer = architect()
                .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                .answer();
        // then
        assertThat(answer).isEqualTo(ANSWER);
        JsonNode repair = model.requests().get(1).get("messages");
        assertThat(repair.get(repair.size() - 2).get("content").asText())
                .isEqualTo("Sure! Here is my advice: add SSO.");
        assertThat(repair.get(repair.size() - 1).get("content").asText())
                .contains("could not be read")
                .contains("not valid JSON")
                .contains(String.join(", ", fieldNames()));
        assertThat(model.requests().get(1).get("response_format")).isNotNull();
    }

    @Test
    void reply_still_unreadable_after_repair_is_a_permanent_failure_with_a_user_message() {
        // given
        model.enqueue(Response.content("not json"), Response.content("{\"criticalIssues\": []}"));
        // when / then
        assertThatThrownBy(() -> architect()
                        .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                        .answer())
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        failure -> assertThat(failure.userMessage())
                                .isEqualTo("The model's answer could not be read; please ask again."))
                .hasMessageContaining("summary");
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void rejected_credentials_are_permanent_and_name_the_key_variable() {
        // given
        model.enqueue(Response.error(401));
        // when / then
        assertThatThrownBy(() -> architect()
                        .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                        .answer())
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        failure -> assertThat(failure.userMessage())
                                .contains("OPENAI_API_KEY")
                                .doesNotContain(FakeOpenAi.API_KEY))
                .message()
                .doesNotContain(FakeOpenAi.API_KEY)
                .doesNotContain(QUESTION);
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void refused_connection_is_retryable_and_names_the_base_url_variable() {
        // given
        var settings = model.settings(Duration.ofSeconds(5), 0);
        model.close(); // nothing listens on the port any more
        // when / then
        assertThatThrownBy(() -> architect(settings)
                        .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                        .answer())
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("OPENAI_BASE_URL");
    }

    @Test
    void tool_call_is_run_and_its_result_reaches_the_model_before_the_answer() {
        // given
        var licences = new LicenceLookup();
        model.enqueue(
                Response.toolCall("call_1", "licenceOf", "{\"packageName\": \"left-pad\"}"), Response.answer(ANSWER));
        var architect = new LangChainArchitect(
                ChatModels.create(model.settings()), model.settings(), List.of(licences), new SimpleMeterRegistry());
        // when
        ConsultationAnswer answer = architect
                .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                .answer();
        // then
        assertThat(answer).isEqualTo(ANSWER);
        assertThat(licences.asked).containsExactly("left-pad");
        assertThat(model.requests().get(0).at("/tools/0/function/name").asText())
                .isEqualTo("licenceOf");
        JsonNode messages = model.requests().get(1).get("messages");
        JsonNode toolResult = messages.get(messages.size() - 1);
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolResult.get("content").asText()).isEqualTo("left-pad: MIT, allowed");
    }

    @Test
    void tool_rounds_are_bounded_and_the_last_request_forbids_tools() {
        // given
        var licences = new LicenceLookup();
        for (int i = 0; i < LangChainArchitect.MAX_TOOL_ROUNDS + 1; i++) {
            model.enqueue(Response.toolCall("call_" + i, "licenceOf", "{\"packageName\": \"p" + i + "\"}"));
        }
        model.enqueue(Response.answer(ANSWER));
        var architect = new LangChainArchitect(
                ChatModels.create(model.settings()), model.settings(), List.of(licences), new SimpleMeterRegistry());
        // when
        ConsultationAnswer answer = architect
                .consult(List.of(), QUESTION, TenantPreferences.DEFAULTS)
                .answer();
        // then: rounds of tool calls, then a forced answer; the extra tool call is repaired away
        assertThat(licences.asked).hasSize(LangChainArchitect.MAX_TOOL_ROUNDS);
        assertThat(model.requests()
                        .get(LangChainArchitect.MAX_TOOL_ROUNDS)
                        .get("tool_choice")
                        .asText())
                .isEqualTo("none");
        assertThat(answer).isEqualTo(ANSWER);
    }

    /** The answer's fields, as the record names them. */
    private static List<String> fieldNames() {
        return Arrays.stream(ConsultationAnswer.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private LangChainArchitect architect() {
        return architect(model.settings());
    }

    private static LangChainArchitect architect(ModelSettings settings) {
        return LangChainArchitect.create(settings, List.of(), new SimpleMeterRegistry());
    }

    /** A test-only tool standing in for the licence engine. */
    static final class LicenceLookup {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Tool("Looks up the licence verdict of a package")
        public String licenceOf(@P("the package name") String packageName) {
            asked.add(packageName);
            return packageName + ": MIT, allowed";
        }
    }
}
