package com.architectbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void waits_double_after_each_failure_up_to_the_maximum() {
        Backoff backoff = Backoff.doubling(FIRST, MAX);

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(backoff::after).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);
    }

    @Test
    void a_long_outage_stays_at_the_maximum_without_overflowing() {
        Backoff backoff = Backoff.doubling(FIRST, MAX);

        assertThat(backoff.after(64)).isEqualTo(MAX);
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void no_first_wait_means_no_wait_however_often_it_failed() {
        assertThat(Backoff.doubling(Duration.ZERO, Duration.ZERO).withJitter().after(Integer.MAX_VALUE))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void jitter_adds_at_most_half_the_wait() {
        Backoff backoff = Backoff.doubling(FIRST, MAX).withJitter();

        var waits = IntStream.range(0, 200).mapToObj(i -> backoff.after(3)).toList();

        assertThat(waits)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(400), Duration.ofMillis(600)));
        assertThat(waits.stream().distinct().count())
                .as("random, not a fixed offset")
                .isGreaterThan(10);
        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.after(99)))
                .allSatisfy(wait -> assertThat(wait).isBetween(MAX, MAX.plus(MAX.dividedBy(2))));
    }

    @Test
    void failures_are_counted_from_one() {
        assertThatThrownBy(() -> Backoff.doubling(FIRST, MAX).after(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_maximum_below_the_first_wait_or_a_negative_wait_is_refused() {
        assertThatThrownBy(() -> Backoff.doubling(MAX, FIRST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first PT5S, max PT0.1S");
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofMillis(-1), MAX))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
