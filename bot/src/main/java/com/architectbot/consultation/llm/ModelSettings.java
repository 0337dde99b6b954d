package com.architectbot.consultation.llm;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How to reach the language model. {@link #from(Environment)} reads the environment variables below; every
 * mistake fails at start-up with the name of the variable to fix.
 *
 * <ul>
 *   <li>{@code LLM_PROVIDER}: openai | anthropic | gemini | ollama; default: the first of openai,
 *       anthropic, gemini whose API key is set, else ollama</li>
 *   <li>{@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}</li>
 *   <li>{@code OPENAI_BASE_URL} (any OpenAI-compatible endpoint), {@code ANTHROPIC_BASE_URL},
 *       {@code GEMINI_BASE_URL}, {@code OLLAMA_BASE_URL}: default the provider's public endpoint,
 *       {@code http://localhost:11434} for Ollama</li>
 *   <li>{@code LLM_MODEL}: default per provider, see {@link Provider#defaultModel()}</li>
 *   <li>{@code LLM_TIMEOUT_SECONDS} (default 60), {@code LLM_MAX_OUTPUT_TOKENS} (default 2048),
 *       {@code LLM_MAX_RETRIES} (default 2: retries of a model call that failed for a temporary
 *       reason before it streamed any text, before the job is redelivered)</li>
 *   <li>{@code LLM_VISION}: whether the model reads images (diagrams sent with a question); default true for
 *       openai, anthropic and gemini, false for ollama (most local models read text only)</li>
 * </ul>
 *
 * @param vision whether pictures are sent to the model; without it a question with pictures is refused with a
 *     note, before any model call
 */
public record ModelSettings(
        Provider provider,
        String modelName,
        String apiKey,
        String baseUrl,
        Duration timeout,
        int maxOutputTokens,
        int maxRetries,
        boolean vision) {

    public static final String LLM_PROVIDER = "LLM_PROVIDER";
    public static final String LLM_MODEL = "LLM_MODEL";
    public static final String LLM_TIMEOUT_SECONDS = "LLM_TIMEOUT_SECONDS";
    public static final String LLM_MAX_OUTPUT_TOKENS = "LLM_MAX_OUTPUT_TOKENS";
    public static final String LLM_MAX_RETRIES = "LLM_MAX_RETRIES";
    public static final String LLM_VISION = "LLM_VISION";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 2048;
    public static final int DEFAULT_MAX_RETRIES = 2;

    public ModelSettings {
        requireNonNull(provider, "provider");
        requireNonNull(timeout, "timeout");
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("no model name: set " + LLM_MODEL);
        }
        if (provider.apiKeyVariable().isPresent() && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException(LLM_PROVIDER + " is " + provider.id() + " but no API key is set: set "
                    + provider.apiKeyVariable().get());
        }
        requireNonNull(baseUrl, "baseUrl");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(LLM_TIMEOUT_SECONDS + " must be positive, was " + timeout.toSeconds());
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException(LLM_MAX_OUTPUT_TOKENS + " must be positive, was " + maxOutputTokens);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException(LLM_MAX_RETRIES + " must be 0 or more, was " + maxRetries);
        }
    }

    /** Settings whose model reads images if its provider's models usually do ({@link #visionByDefault}). */
    public ModelSettings(
            Provider provider,
            String modelName,
            String apiKey,
            String baseUrl,
            Duration timeout,
            int maxOutputTokens,
            int maxRetries) {
        this(provider, modelName, apiKey, baseUrl, timeout, maxOutputTokens, maxRetries, visionByDefault(provider));
    }

    /** The hosted providers' current models read images; most models served by Ollama read text only. */
    public static boolean visionByDefault(Provider provider) {
        return switch (provider) {
            case OPENAI, ANTHROPIC, GEMINI -> true;
            case OLLAMA -> false;
        };
    }

    /** Reads the settings from environment variables. */
    public static ModelSettings from(Environment env) {
        Provider provider = provider(env);
        return new ModelSettings(
                provider,
                env.string(LLM_MODEL, provider.defaultModel()),
                provider.apiKeyVariable().flatMap(env::optional).orElse(null),
                env.url(provider.baseUrlVariable(), provider.defaultBaseUrl()).toString(),
                env.seconds(LLM_TIMEOUT_SECONDS, DEFAULT_TIMEOUT),
                env.integer(LLM_MAX_OUTPUT_TOKENS, DEFAULT_MAX_OUTPUT_TOKENS, 1),
                env.integer(LLM_MAX_RETRIES, DEFAULT_MAX_RETRIES, 0),
                env.flag(LLM_VISION, visionByDefault(provider)));
    }

    /** The variable a user should look at when the endpoint is wrong or away. */
    public String baseUrlVariable() {
        return provider.baseUrlVariable();
    }

    @Override
    public String toString() {
        return "ModelSettings[provider=" + provider.id() + ", model=" + modelName + ", apiKey="
                + (apiKey == null ? "none" : "****") + ", baseUrl=" + baseUrl + ", timeout=" + timeout.toSeconds()
                + "s, maxOutputTokens=" + maxOutputTokens + ", maxRetries=" + maxRetries + ", vision=" + vision + "]";
    }

    private static Provider provider(Environment env) {
        Optional<String> chosen = env.optional(LLM_PROVIDER);
        if (chosen.isPresent()) {
            return Provider.byId(chosen.get())
                    .orElseThrow(() -> new IllegalArgumentException(LLM_PROVIDER + " '" + chosen.get()
                            + "' is unknown: set " + LLM_PROVIDER + " to one of "
                            + Arrays.stream(Provider.values()).map(Provider::id).collect(Collectors.joining(", "))));
        }
        return Arrays.stream(Provider.values())
                .filter(p -> p.apiKeyVariable().filter(env::isSet).isPresent())
                .findFirst()
                .orElse(Provider.OLLAMA);
    }
}
