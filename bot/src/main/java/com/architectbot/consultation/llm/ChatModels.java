package com.architectbot.consultation.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the LangChain4j chat model for the configured provider: always on the JDK HTTP client, with
 * request and response logging off (they would log questions and keys), and the client's own retries
 * set from {@link ModelSettings#maxRetries()}.
 *
 * <p>The four builders take the same settings under the same names but share no type: each provider's
 * library declares its own builder class, so the calls cannot be written once without reflection. The
 * repetition below is theirs; what differs per provider is the output-token setting's name, OpenAI's strict
 * schema, Ollama's missing key and Gemini's single logging switch.
 */
public final class ChatModels {

    private ChatModels() {}

    public static ChatModel create(ModelSettings settings) {
        return switch (settings.provider()) {
            case OPENAI -> openAi(settings);
            case ANTHROPIC -> anthropic(settings);
            case GEMINI -> gemini(settings);
            case OLLAMA -> ollama(settings);
        };
    }

    private static ChatModel openAi(ModelSettings settings) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .maxCompletionTokens(settings.maxOutputTokens())
                .strictJsonSchema(true) // our schema lists every field as required, as strict mode demands
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static ChatModel anthropic(ModelSettings settings) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .maxTokens(settings.maxOutputTokens())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static ChatModel gemini(ModelSettings settings) {
        return GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .maxOutputTokens(settings.maxOutputTokens())
                .logRequestsAndResponses(false)
                .build();
    }

    private static ChatModel ollama(ModelSettings settings) {
        return OllamaChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.baseUrl())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .numPredict(settings.maxOutputTokens())
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
