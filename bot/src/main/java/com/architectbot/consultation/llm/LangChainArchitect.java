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
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The architect on a LangChain4j {@link StreamingChatModel}, called with low-level requests: the core owns
 * the thread's memory and lock, so this class is stateless per call and safe to share between workers.
 *
 * <p>One consultation is: the persona, the thread's earlier turns and the question; then up to
 * {@link #MAX_TOOL_ROUNDS} rounds of tool calls; then the structured answer. Every call streams
 * ({@link StreamedChat}); the answer so far is reported as drafts while it is written, and status lines say
 * what happens between calls. An unreadable answer gets one repair request (not streamed: its answer replaces
 * whatever was shown) before the user is told to ask again. A call that fails before streaming anything is
 * retried up to {@link ModelSettings#maxRetries()} times when the failure is temporary. Under a
 * {@link Deadline} (a queued job), no call starts once it has passed; the queue interrupts a call still
 * running then, which stops the wait at once and cancels the stream.
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

    /**
     * Status lines: plain words and counts only, as everyone in a channel sees them. Only work worth waiting for gets
     * one (tools, a repair): every surface already shows that the bot is working, and a line before the first words
     * would hold them back where a message may change only every so often (Teams).
     */
    static final String REPAIRING = "Tidying up the answer...";

    private final StreamingChatModel model;
    private final ModelSettings settings;
    private final Toolbox toolbox;
    private final ModelFailures failures;
    private final ModelMetrics metrics;
    private final String persona;

    /** @param tools objects with {@code @Tool} methods the model may call; may be empty */
    public LangChainArchitect(StreamingChatModel model, ModelSettings settings, List<?> tools, MeterRegistry metrics) {
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
            String reply = replyAfterTools(call, conversation, progress);
            return new ArchitectReply(readOrRepair(call, conversation, reply, progress), call.usage);
        } catch (RetryableFailure | PermanentFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw failures.map(e, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public boolean readsPictures() {
        return settings.vision();
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

    /** Tool rounds, then the answer's text; each call's text is read for drafts (a tool round's yields none). */
    private String replyAfterTools(Call call, List<ChatMessage> conversation, AnswerProgress progress) {
        DraftStream drafts = new DraftStream(progress);
        List<ChatMessage> messages = new ArrayList<>(conversation);
        AiMessage reply = ask(call, messages, toolbox.isEmpty() ? Offer.NO_TOOLS : Offer.TOOLS, drafts.newCall());
        for (int round = 1; round <= MAX_TOOL_ROUNDS && reply.hasToolExecutionRequests(); round++) {
            progress.status(toolbox.statusLine(reply.toolExecutionRequests()));
            messages.add(reply);
            messages.addAll(toolbox.execute(reply.toolExecutionRequests(), call.tenant));
            reply = ask(call, messages, round < MAX_TOOL_ROUNDS ? Offer.TOOLS : Offer.LAST_WORD, drafts.newCall());
        }
        return reply.text();
    }

    private ConsultationAnswer readOrRepair(
            Call call, List<ChatMessage> conversation, String reply, AnswerProgress progress) {
        try {
            return AnswerJson.fromJson(reply);
        } catch (IllegalArgumentException unreadable) {
            log.warn(
                    "{} reply unreadable ({}); asking once for a repair",
                    settings.provider().id(),
                    unreadable.getMessage());
            progress.status(REPAIRING);
            List<ChatMessage> messages = new ArrayList<>(conversation);
            messages.add(AiMessage.from(reply == null || reply.isBlank() ? EMPTY_REPLY : reply));
            messages.add(UserMessage.from(Prompts.render(
                    Prompts.REPAIR,
                    Map.of("error", unreadable.getMessage(), "fields", String.join(", ", AnswerSchema.FIELDS)))));
            String repaired = ask(call, messages, Offer.NO_TOOLS, ignored -> {}).text();
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

    private AiMessage ask(Call call, List<ChatMessage> messages, Offer offer, Consumer<String> text) {
        ChatRequest request = request(call, messages, offer);
        ChatResponse response =
                metrics.call(() -> StreamedChat.call(model, request, settings, "model call " + (call.calls + 1), text));
        call.calls++;
        call.add(response);
        return response.aiMessage();
    }

    private ChatRequest request(Call call, List<ChatMessage> messages, Offer offer) {
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
        return request.build();
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
