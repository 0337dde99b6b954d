package com.architectbot.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.config.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {

    @Test
    void unset_variables_take_the_defaults() {
        // when
        QueueSettings settings = settings(Map.of());
        // then
        assertThat(settings.concurrency()).isEqualTo(QueueSettings.DEFAULT_CONCURRENCY);
        assertThat(settings.visibilityTimeout()).isEqualTo(QueueSettings.DEFAULT_VISIBILITY_TIMEOUT);
        assertThat(settings.maxAttempts()).isEqualTo(QueueSettings.DEFAULT_MAX_ATTEMPTS);
        assertThat(settings.keyPrefix()).isEqualTo("ab");
        assertThat(settings.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxOrphanings()).isEqualTo(10);
        assertThat(settings.deadline()).isEqualTo(Duration.ofSeconds(240));
        assertThat(settings.replicaAcks()).isZero();
    }

    @Test
    void workers_heartbeat_several_times_per_visibility_timeout() {
        // when
        QueueSettings settings = settings(Map.of("JOB_VISIBILITY_TIMEOUT_SECONDS", "30"));
        // then
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void orphanings_and_deadline_come_from_their_variables() {
        // when
        QueueSettings settings = settings(Map.of("JOB_MAX_ORPHANINGS", "20", "CONSULTATION_DEADLINE_SECONDS", "90"));
        // then
        assertThat(settings.maxOrphanings()).isEqualTo(20);
        assertThat(settings.deadline()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> settings(Map.of("JOB_MAX_ORPHANINGS", "0")))
                .hasMessageContaining("JOB_MAX_ORPHANINGS");
        assertThat(settings(Map.of("REDIS_WAIT_REPLICAS", "1")).replicaAcks()).isEqualTo(1);
        assertThatThrownBy(() -> settings(Map.of("REDIS_WAIT_REPLICAS", "-1")))
                .hasMessageContaining("REDIS_WAIT_REPLICAS");
        assertThatThrownBy(() -> settings(Map.of("CONSULTATION_DEADLINE_SECONDS", "soon")))
                .hasMessageContaining("CONSULTATION_DEADLINE_SECONDS");
    }

    @Test
    void variables_override_the_defaults() {
        // when
        QueueSettings settings = settings(
                Map.of("WORKER_CONCURRENCY", "4", "JOB_VISIBILITY_TIMEOUT_SECONDS", " 600 ", "JOB_MAX_ATTEMPTS", "5"));
        // then
        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.visibilityTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxAttempts()).isEqualTo(5);
    }

    @Test
    void bad_value_names_the_variable_and_the_fix() {
        assertThatThrownBy(() -> settings(Map.of("WORKER_CONCURRENCY", "sixteen")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WORKER_CONCURRENCY")
                .hasMessageContaining("sixteen")
                .hasMessageContaining("unset it for the default");
        assertThatThrownBy(() -> settings(Map.of("JOB_MAX_ATTEMPTS", "0"))).hasMessageContaining("JOB_MAX_ATTEMPTS");
    }

    private static QueueSettings settings(Map<String, String> env) {
        return QueueSettings.from(new Environment(env));
    }
}
