package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Teams without authentication (the Emulator) is served on loopback only. */
class EmulatorBindingTest {

    @Test
    void teams_without_an_app_id_listens_on_loopback_by_default() {
        BotConfig config = BotConfig.from(new Environment(Map.of("TEAMS_ENABLED", "true")));

        assertThat(config.server().host()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "::"})
    void teams_without_an_app_id_refuses_a_host_that_is_not_loopback(String host) {
        assertThatThrownBy(() -> BotConfig.from(new Environment(Map.of("TEAMS_ENABLED", "true", "HOST", host))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HOST=" + host + " is not valid while Teams runs without authentication");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1"})
    void teams_without_an_app_id_accepts_a_loopback_host(String host) {
        assertThat(BotConfig.from(new Environment(Map.of("TEAMS_ENABLED", "true", "HOST", host)))
                        .server()
                        .host())
                .isEqualTo(host);
    }

    @Test
    void with_authentication_the_default_host_stays_all_interfaces() {
        BotConfig config = BotConfig.from(new Environment(
                Map.of("TEAMS_ENABLED", "true", "MICROSOFT_APP_ID", "app-id", "MICROSOFT_APP_PASSWORD", "secret")));

        assertThat(config.server().host()).isEqualTo("0.0.0.0");
    }
}
