package com.architectbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void unset_and_blank_variables_take_the_default() {
        var env = new Environment(Map.of("BLANK", "  "));

        assertThat(env.integer("BLANK", 7, 1)).isEqualTo(7);
        assertThat(env.string("MISSING", "x")).isEqualTo("x");
        assertThat(env.seconds("MISSING", Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void values_are_parsed_into_their_types() {
        var env = new Environment(Map.of("N", " 42 ", "D", "30", "F", "yes", "C", "SaaS"));

        assertThat(env.integer("N", 1, 1)).isEqualTo(42);
        assertThat(env.days("D", Duration.ofDays(1))).isEqualTo(Duration.ofDays(30));
        assertThat(env.flag("F", false)).isTrue();
        assertThat(env.choice("C", "internal", Set.of("saas", "internal"))).isEqualTo("saas");
    }

    @Test
    void a_bad_value_fails_with_a_message_naming_the_variable_and_the_fix() {
        var env = new Environment(Map.of("WORKERS", "many", "LOW", "0", "MODE", "cloud"));

        assertThatThrownBy(() -> env.integer("WORKERS", 4, 1))
                .hasMessageContaining("WORKERS=many")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> env.integer("LOW", 4, 1)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> env.choice("MODE", "saas", Set.of("saas", "internal")))
                .hasMessageContaining("MODE=cloud")
                .hasMessageContaining("internal, saas");
    }
}
