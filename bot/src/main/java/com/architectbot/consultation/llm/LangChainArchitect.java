package com.architectbot.consultation.llm;

import static java.util.Objects.requireNonNull;

import com.architectbot.consultation.AnswerJson;
import com.architectbot.consultation.Architect;
import com.architectbot.consultation.Question;
import com.architectbot.conversation.Turn;
import com.architectbot.core.Deadline;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.TenantPreferences;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.ArchitectReply;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.TokenUsage;
import com.architectbot.prompts.Prompts;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The architect on a LangChain4j {@link ChatModel}, called with low-level requests: the core owns the
 * thread's memory and lock, so this class is stateless per call and safe to share between workers.
 *
 * <p>One consultation is: the persona, the thread's earlier turns and the question; then up to
 * {@link #MAX_TOOL_ROUNDS} rounds of tool calls; then the structured answer. An unreadable answer gets
 * one repair request before the user is told to ask again. Under a {@link Deadline} (a queued job), no call
 * starts once it has passed; the queue interrupts a call still running then, which aborts its HTTP request
 * and the client's retries.
 */
public final class LangChainArchitect implements Architect {

    /** Rounds of tool calls before the model is made to answer; a licence check needs one or two. */
    public static final int MAX_TOOL_ROUNDS = 3;
    /** What the user reads when the model's answer stays unreadable after the repair request. */
    public static final String UNREADABLE_ANSWER = "The model's answer could not be read; please ask again.";

    private static final Logger log = LoggerFactory.getLogger(LangChainArchitect.class);
    private static final String EMPTY_REPLY = "(empty reply)";

    private enum Offer {
        NO_TOOLS,
        TOOLS,
        LAST_WORD
    }

    private final ChatModel model;
    private final ModelSettings settings;
    private final Toolbox toolbox;
    private final ModelFailures failures;
    private final ModelMetrics metrics;
    private final String persona;

    /** @param tools objects with {@code @Tool} methods the model may call; may be empty */
    public LangChainArchitect(ChatModel model, ModelSettings settings, List<?> tools, MeterRegistry metrics) {
        this.model = requireNonNull(model, "model");
        this.settings = requireNonNull(settings, "settings");
        this.toolbox = new Toolbox(tools);
        this.failures = new ModelFailures(settings);
        this.metrics = new ModelMetrics(metrics, settings);
        this.persona = Prompts.render(Prompts.PRODUCTION_ARCHITECT, Map.of());
    }

    /** The architect on the model the settings describe, recording its calls in {@code metrics}. */
    public static LangChainArchitect create(ModelSettings settings, List<?> tools, MeterRegistry metrics) {
        return new LangChainArchitect(ChatModels.create(settings), settings, tools, metrics);
    }

    @Override
    public ArchitectReply consult(
            List<Turn> history, Question question, TenantPreferences tenant, AnswerProgress progress) {
        requireNonNull(history, "history");
        requireNonNull(question, "question");
        requireNonNull(tenant, "tenant");
        requireNonNull(progress, "progress");
        long started = System.nanoTime();
        List<ChatMessage> conversation = conversation(history, question);
        Call call = new Call(tenant.model().filter(name -> !name.isBlank()).orElse(settings.modelName()), tenant);
        try {
            ConsultationAnswer answer = readOrRepair(call, conversation, replyAfterTools(call, conversation));
            return new ArchitectReply(answer, call.usage);
        } catch (RetryableFailure | PermanentFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw failures.map(e, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private List<ChatMessage> conversation(List<Turn> history, Question question) {
        List<ChatMessage> messages = new ArrayList<>(2 * history.size() + 2);
        messages.add(SystemMessage.from(persona));
        for (Turn turn : history) {
            messages.add(UserMessage.from(turn.question()));
            messages.add(AiMessage.from(turn.answer())); // the answer JSON as remembered
        }
        messages.add(QuestionMessage.of(question, settings)); // its text and pictures
        return messages;
    }

    private String replyAfterTools(Call call, List<ChatMessage> conversation) {
        List<ChatMessage> messages = new ArrayList<>(conversation);
        AiMessage reply = ask(call, messages, toolbox.isEmpty() ? Offer.NO_TOOLS : Offer.TOOLS);
        for (int round = 1; round <= MAX_TOOL_ROUNDS && reply.hasToolExecutionRequests(); round++) {
            messages.add(reply);
            messages.addAll(toolbox.execute(reply.toolExecutionRequests(), call.tenant));
            reply = ask(call, messages, round < MAX_TOOL_ROUNDS ? Offer.TOOLS : Offer.LAST_WORD);
        }
        return reply.text();
    }

    private ConsultationAnswer readOrRepair(Call call, List<ChatMessage> conversation, String reply) {
        try {
            return AnswerJson.fromJson(reply);
        } catch (IllegalArgumentException unreadable) {
            log.warn(
                    "{} reply unreadable ({}); asking once for a repair",
                    settings.provider().id(),
                    unreadable.getMessage());
            List<ChatMessage> messages = new ArrayList<>(conversation);
            messages.add(AiMessage.from(reply == null || reply.isBlank() ? EMPTY_REPLY : reply));
            messages.add(UserMessage.from(Prompts.render(
                    Prompts.REPAIR,
                    Map.of("error", unreadable.getMessage(), "fields", String.join(", ", AnswerSchema.FIELDS)))));
            String repaired = ask(call, messages, Offer.NO_TOOLS).text();
            try {
                return AnswerJson.fromJson(repaired);
            } catch (IllegalArgumentException still) {
                throw new PermanentFailure(
                        UNREADABLE_ANSWER,
                        settings.provider().id() + " model '" + call.model + "' reply unreadable after one repair: "
                                + still.getMessage(),
                        still);
            }
        }
    }

    private AiMessage ask(Call call, List<ChatMessage> messages, Offer offer) {
        Deadline.current().ifPresent(deadline -> deadline.check("model call " + (call.calls + 1)));
        ChatRequest.Builder request = ChatRequest.builder().messages(messages).modelName(call.model);
        boolean schema = offer != Offer.TOOLS || settings.provider().schemaWithTools();
        if (schema) {
            request.responseFormat(AnswerSchema.responseFormat());
        }
        if (offer == Offer.TOOLS) {
            request.toolSpecifications(toolbox.specifications());
        } else if (offer == Offer.LAST_WORD && settings.provider().toolChoiceNone()) {
            request.toolSpecifications(toolbox.specifications()).toolChoice(ToolChoice.NONE);
        }
        ChatRequest built = request.build();
        ChatResponse response = metrics.call(() -> model.chat(built));
        call.calls++;
        call.add(response);
        return response.aiMessage();
    }

    /** One consultation's model name, the asking tenant's choices and the tokens its calls used so far. */
    private static final class Call {
        private final String model;
        private final TenantPreferences tenant;
        private TokenUsage usage;
        private int calls;

        Call(String model, TenantPreferences tenant) {
            this.model = model;
            this.tenant = tenant;
            this.usage = new TokenUsage(model, 0, 0);
        }

        void add(ChatResponse response) {
            var tokens = response.tokenUsage(); // providers may omit it; then nothing is counted
            if (tokens != null) {
                usage = usage.plus(count(tokens.inputTokenCount()), count(tokens.outputTokenCount()));
            }
        }

        private static long count(Integer tokens) {
            return tokens == null ? 0 : tokens;
        }
    }
}
