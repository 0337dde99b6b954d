package com.architectbot.consultation.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The model providers the architect can talk to, with the environment variables that configure each
 * and what each LangChain4j module supports (checked against langchain4j 1.19.0, ollama 1.18.1).
 * All four send our JSON schema natively, so none needs the schema pasted into the prompt.
 */
public enum Provider {
    /** OpenAI or any OpenAI-compatible endpoint: {@code response_format: json_schema}. */
    OPENAI("openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1", "gpt-4.1-mini", true, true),
    /** Anthropic structured outputs ({@code output_config.format}); schemaless JSON mode is not supported. */
    ANTHROPIC(
            "anthropic",
            "ANTHROPIC_API_KEY",
            "ANTHROPIC_BASE_URL",
            "https://api.anthropic.com/v1/",
            "claude-sonnet-4-5",
            true,
            true),
    /** Gemini {@code responseSchema}; older Gemini models reject a JSON response type next to tools. */
    GEMINI(
            "gemini",
            "GEMINI_API_KEY",
            "GEMINI_BASE_URL",
            "https://generativelanguage.googleapis.com/v1beta",
            "gemini-2.5-flash",
            false,
            true),
    /** Ollama {@code format} with the schema; it accepts only the automatic tool choice. */
    OLLAMA("ollama", null, "OLLAMA_BASE_URL", "http://localhost:11434", "llama3.1", true, false);

    private final String id;
    private final String apiKeyVariable;
    private final String baseUrlVariable;
    private final String defaultBaseUrl;
    private final String defaultModel;
    private final boolean schemaWithTools;
    private final boolean toolChoiceNone;

    Provider(
            String id,
            String apiKeyVariable,
            String baseUrlVariable,
            String defaultBaseUrl,
            String defaultModel,
            boolean schemaWithTools,
            boolean toolChoiceNone) {
        this.id = id;
        this.apiKeyVariable = apiKeyVariable;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.schemaWithTools = schemaWithTools;
        this.toolChoiceNone = toolChoiceNone;
    }

    /** The value of {@code LLM_PROVIDER} that selects this provider. */
    public String id() {
        return id;
    }

    /** The variable holding the API key, empty for a provider that needs none. */
    public Optional<String> apiKeyVariable() {
        return Optional.ofNullable(apiKeyVariable);
    }

    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultModel() {
        return defaultModel;
    }

    /** Whether a request may carry the JSON schema and tools together. */
    boolean schemaWithTools() {
        return schemaWithTools;
    }

    /** Whether the provider can be told not to call tools while tool calls stay in the conversation. */
    boolean toolChoiceNone() {
        return toolChoiceNone;
    }

    /** The provider selected by {@code id}, ignoring case and surrounding spaces. */
    public static Optional<Provider> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
    }
}
