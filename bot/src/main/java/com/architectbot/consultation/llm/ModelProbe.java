package com.architectbot.consultation.llm;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;

/**
 * The cheapest real call to the configured model, for {@code doctor}: one tiny chat request, no retries, a
 * short timeout, streamed like every call the bot makes. A failure is reported in the words the workers use ({@link ModelFailures}): what failed,
 * where, and the variable to check.
 */
public final class ModelProbe {

    /** Enough for any model to say something; some reject a limit of 1. */
    static final int PROBE_OUTPUT_TOKENS = 16;

    private ModelProbe() {}

    /**
     * @return the evidence of success: provider, model, endpoint and time taken
     * @throws RetryableFailure when the endpoint is away, slow or overloaded
     * @throws PermanentFailure when it refuses us (credentials, unknown model); {@code userMessage()} says what to set
     */
    public static String check(ModelSettings configured, Duration timeout) {
        ModelSettings settings = new ModelSettings(
                configured.provider(),
                configured.modelName(),
                configured.apiKey(),
                configured.baseUrl(),
                timeout.compareTo(configured.timeout()) < 0 ? timeout : configured.timeout(),
                PROBE_OUTPUT_TOKENS,
                0);
        StreamingChatModel model = ChatModels.create(settings);
        ChatRequest ready = ChatRequest.builder()
                .messages(UserMessage.from("Reply with the word ready."))
                .build();
        long started = System.nanoTime();
        try {
            StreamedChat.call(model, ready, settings, "the probe", text -> {});
        } catch (RuntimeException e) {
            throw new ModelFailures(settings).map(e, Duration.ofNanos(System.nanoTime() - started));
        }
        return settings.provider().id() + " model '" + settings.modelName() + "' at " + settings.baseUrl()
                + " answered in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
    }
}
