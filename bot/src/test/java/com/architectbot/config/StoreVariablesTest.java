package com.architectbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.redis.DataKey;
import com.architectbot.redis.RedisUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreVariablesTest {

    @Test
    void no_variables_mean_the_embedded_server_with_defaults() {
        var settings = StoreVariables.redis(new Environment(Map.of()));

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.url()).isNull();
        assertThat(settings.embeddedPort()).isEqualTo(6390);
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_blank_redis_url_also_means_the_embedded_server() {
        assertThat(StoreVariables.redis(new Environment(Map.of("REDIS_URL", "  ")))
                        .embedded())
                .isTrue();
    }

    @Test
    void every_variable_is_read() {
        var settings = StoreVariables.redis(new Environment(Map.of(
                "REDIS_URL", "redis-cluster://a:7000,b:7001",
                "REDIS_EMBEDDED_PORT", "6400",
                "REDIS_DATA_DIR", "/var/lib/architect-bot",
                "REDIS_CONNECT_TIMEOUT_MS", "750",
                "REDIS_SOCKET_TIMEOUT_MS", "1500")));

        assertThat(settings.embedded()).isFalse();
        assertThat(settings.url().topology()).isEqualTo(RedisUrl.Topology.CLUSTER);
        assertThat(settings.embeddedPort()).isEqualTo(6400);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/architect-bot"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void malformed_numbers_are_rejected_naming_the_variable() {
        assertThatThrownBy(() -> StoreVariables.redis(new Environment(Map.of("REDIS_EMBEDDED_PORT", "sixty"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDIS_EMBEDDED_PORT");
        assertThatThrownBy(() -> StoreVariables.redis(new Environment(Map.of("REDIS_EMBEDDED_PORT", "0"))))
                .hasMessageContaining("REDIS_EMBEDDED_PORT");
        assertThatThrownBy(() -> StoreVariables.redis(new Environment(Map.of("REDIS_SOCKET_TIMEOUT_MS", "-1"))))
                .hasMessageContaining("REDIS_SOCKET_TIMEOUT_MS");
    }

    @Test
    void a_malformed_url_fails_at_start_up() {
        assertThatThrownBy(() ->
                        StoreVariables.redis(new Environment(Map.of("REDIS_URL", "redis://bot:s3cret@host:port"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REDIS_URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void keys_are_read_from_the_environment_with_or_without_an_id() {
        String material = Base64.getEncoder().encodeToString(new byte[32]);
        var settings = StoreVariables.encryption(new Environment(
                Map.of("DATA_ENCRYPTION_KEY", "2026-12:" + material, "DATA_ENCRYPTION_KEY_PREVIOUS", material)));

        assertThat(settings.current()).map(DataKey::id).hasValue("2026-12");
        assertThat(settings.previous()).map(DataKey::id).get().asString().matches("[0-9a-f]{16}");
        assertThat(settings.toString()).doesNotContain(material);
    }

    @Test
    void a_malformed_key_fails_at_start_naming_the_variable_but_not_the_value() {
        assertThatThrownBy(() ->
                        StoreVariables.encryption(new Environment(Map.of("DATA_ENCRYPTION_KEY", "k1:tooShortSecret"))))
                .hasMessageStartingWith("DATA_ENCRYPTION_KEY is not valid")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining("tooShortSecret");
        assertThatThrownBy(() -> StoreVariables.encryption(new Environment(Map.of(
                        "DATA_ENCRYPTION_KEY_PREVIOUS", Base64.getEncoder().encodeToString(new byte[32])))))
                .hasMessageContaining("DATA_ENCRYPTION_KEY_PREVIOUS is set without DATA_ENCRYPTION_KEY");
    }
}
