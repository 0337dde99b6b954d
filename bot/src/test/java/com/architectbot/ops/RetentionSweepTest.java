package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class RetentionSweepTest {

    @Test
    void trims_at_start_and_then_every_interval_and_a_failing_trim_does_not_stop_the_others_or_the_next_round() {
        // given
        AtomicInteger audit = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        // when
        try (var sweep = RetentionSweep.start(
                Duration.ofMillis(20),
                Map.of(
                        "audit entries", () -> audit.incrementAndGet(),
                        "dead letters",
                                () -> {
                                    failing.incrementAndGet();
                                    throw new IllegalStateException("Redis is away");
                                }))) {
            // then: three rounds of each within ten seconds
            Awaitility.await("three rounds")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(10))
                    .untilAsserted(() -> {
                        assertThat(audit.get()).isGreaterThanOrEqualTo(3);
                        assertThat(failing.get()).isGreaterThanOrEqualTo(3);
                    });
        }
    }
}
