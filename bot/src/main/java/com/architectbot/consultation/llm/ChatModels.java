package com.architectbot.consultation.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds the LangChain4j streaming chat model for the configured provider: always on the JDK HTTP client,
 * with request and response logging off (they would log questions and keys). The bot talks to every
 * provider this one way, streamed; {@link StreamedChat} collects a stream into the whole response and
 * retries a call that failed before it streamed anything ({@link ModelSettings#maxRetries()}), as the
 * streaming clients have no retries of their own.
 *
 * <p>The four builders take the same settings under the same names but share no type: each provider's
 * library declares its own builder class, so the calls cannot be written once without reflection. The
 * repetition below is theirs; what differs per provider is the output-token setting's name, OpenAI's strict
 * schema, Ollama's missing key and Gemini's single logging switch.
 */
public final class ChatModels {

    private ChatModels() {}

    public static StreamingChatModel create(ModelSettings settings) {
        return switch (settings.provider()) {
            case OPENAI -> openAi(settings);
            case ANTHROPIC -> anthropic(settings);
            case GEMINI -> gemini(settings);
            case OLLAMA -> ollama(settings);
        };
    }

    private static StreamingChatModel openAi(ModelSettings settings) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxCompletionTokens(settings.maxOutputTokens())
                .strictJsonSchema(true) // our schema lists every field as required, as strict mode demands
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static StreamingChatModel anthropic(ModelSettings settings) {
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxTokens(settings.maxOutputTokens())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static StreamingChatModel gemini(ModelSettings settings) {
        return GoogleAiGeminiStreamingChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxOutputTokens(settings.maxOutputTokens())
                .logRequestsAndResponses(false)
                .build();
    }

    private static StreamingChatModel ollama(ModelSettings settings) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .numPredict(settings.maxOutputTokens())
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
