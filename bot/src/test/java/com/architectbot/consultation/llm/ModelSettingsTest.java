package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

    @Test
    void without_keys_or_provider_ollama_on_localhost_is_chosen_with_the_defaults() {
        // when
        ModelSettings settings = settings(Map.of());
        // then
        assertThat(settings.provider()).isEqualTo(Provider.OLLAMA);
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(settings.modelName()).isEqualTo(Provider.OLLAMA.defaultModel());
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxOutputTokens()).isEqualTo(2048);
        assertThat(settings.maxRetries()).isEqualTo(2);
        assertThat(settings.apiKey()).isNull();
    }

    @Test
    void first_provider_with_a_key_is_chosen_in_the_order_openai_anthropic_gemini() {
        assertThat(settings(Map.of("GEMINI_API_KEY", "g", "ANTHROPIC_API_KEY", "a"))
                        .provider())
                .isEqualTo(Provider.ANTHROPIC);
        assertThat(settings(Map.of("GEMINI_API_KEY", "g", "OPENAI_API_KEY", "o"))
                        .provider())
                .isEqualTo(Provider.OPENAI);
        assertThat(settings(Map.of("GEMINI_API_KEY", "g", "OPENAI_API_KEY", " "))
                        .provider())
                .isEqualTo(Provider.GEMINI);
    }

    @Test
    void explicit_provider_wins_and_takes_its_own_key_model_and_url() {
        // when
        ModelSettings settings = settings(Map.of(
                "LLM_PROVIDER",
                " Gemini ",
                "OPENAI_API_KEY",
                "o",
                "GEMINI_API_KEY",
                "g-key",
                "LLM_MODEL",
                "gemini-2.5-pro",
                "GEMINI_BASE_URL",
                "http://127.0.0.1:9/v1beta",
                "LLM_TIMEOUT_SECONDS",
                "5",
                "LLM_MAX_OUTPUT_TOKENS",
                "300",
                "LLM_MAX_RETRIES",
                "0"));
        // then
        assertThat(settings)
                .isEqualTo(new ModelSettings(
                        Provider.GEMINI,
                        "gemini-2.5-pro",
                        "g-key",
                        "http://127.0.0.1:9/v1beta",
                        Duration.ofSeconds(5),
                        300,
                        0));
    }

    @Test
    void openai_base_url_points_at_any_compatible_endpoint() {
        ModelSettings settings =
                settings(Map.of("OPENAI_API_KEY", "o", "OPENAI_BASE_URL", "https://llm.internal.example/v1"));
        assertThat(settings.baseUrl()).isEqualTo("https://llm.internal.example/v1");
        assertThat(settings.modelName()).isEqualTo(Provider.OPENAI.defaultModel());
    }

    @Test
    void unknown_provider_names_the_variable_and_the_choices() {
        assertThatThrownBy(() -> settings(Map.of("LLM_PROVIDER", "mistral")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LLM_PROVIDER 'mistral' is unknown")
                .hasMessageContaining("openai, anthropic, gemini, ollama");
    }

    @Test
    void provider_chosen_without_its_key_names_the_key_variable() {
        assertThatThrownBy(() -> settings(Map.of("LLM_PROVIDER", "anthropic", "OPENAI_API_KEY", "o")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set ANTHROPIC_API_KEY");
    }

    @Test
    void bad_numbers_and_urls_name_their_variable() {
        assertThatThrownBy(() -> settings(Map.of("LLM_TIMEOUT_SECONDS", "soon")))
                .hasMessageContaining("LLM_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> settings(Map.of("LLM_TIMEOUT_SECONDS", "0")))
                .hasMessageContaining("LLM_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> settings(Map.of("LLM_MAX_OUTPUT_TOKENS", "-1")))
                .hasMessageContaining("LLM_MAX_OUTPUT_TOKENS");
        assertThatThrownBy(() -> settings(Map.of("LLM_MAX_RETRIES", "-1"))).hasMessageContaining("LLM_MAX_RETRIES");
        assertThatThrownBy(() -> settings(Map.of("OLLAMA_BASE_URL", "localhost:11434")))
                .hasMessageContaining("OLLAMA_BASE_URL");
    }

    @Test
    void hosted_models_read_images_by_default_ollama_does_not_and_llm_vision_says_otherwise() {
        assertThat(settings(Map.of("OPENAI_API_KEY", "o")).vision()).isTrue();
        assertThat(settings(Map.of("ANTHROPIC_API_KEY", "a")).vision()).isTrue();
        assertThat(settings(Map.of("GEMINI_API_KEY", "g")).vision()).isTrue();
        assertThat(settings(Map.of()).vision()).isFalse();
        assertThat(settings(Map.of("LLM_VISION", "true")).vision()).isTrue();
        assertThat(settings(Map.of("OPENAI_API_KEY", "o", "LLM_VISION", "false"))
                        .vision())
                .isFalse();
        assertThatThrownBy(() -> settings(Map.of("LLM_VISION", "sometimes"))).hasMessageContaining("LLM_VISION");
    }

    @Test
    void to_string_masks_the_key() {
        ModelSettings settings = settings(Map.of("OPENAI_API_KEY", "sk-secret-123"));
        assertThat(settings.toString())
                .doesNotContain("sk-secret-123")
                .contains("apiKey=****")
                .contains("openai");
    }

    private static ModelSettings settings(Map<String, String> env) {
        return ModelSettings.from(new Environment(env));
    }
}
