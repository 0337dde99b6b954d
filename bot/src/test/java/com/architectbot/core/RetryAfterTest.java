package com.architectbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");

    private static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
    }

    @Test
    void seconds_are_read_as_seconds() {
        assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void an_http_date_is_read_as_the_wait_until_then() {
        assertThat(RetryAfter.parse(httpDate(NOW.plusSeconds(90)), NOW)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 14:01:00 GMT", NOW)).contains(Duration.ofMinutes(1));
    }

    @Test
    void the_public_parse_counts_from_the_current_time() {
        String inOneMinute = httpDate(Instant.now().plusSeconds(60));

        assertThat(RetryAfter.parse(inOneMinute))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60)));
    }

    @Test
    void a_date_in_the_past_or_negative_seconds_mean_no_wait() {
        assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(3600)), NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-99999999999999999999999", NOW)).contains(Duration.ZERO);
    }

    @Test
    void huge_asks_are_cut_to_the_longest_wait() {
        assertThat(RetryAfter.parse("86401", NOW)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse(String.valueOf(Long.MAX_VALUE), NOW)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("99999999999999999999999999999", NOW)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse(httpDate(NOW.plus(Duration.ofDays(400))), NOW))
                .contains(RetryAfter.LONGEST);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "soon",
                "1.5",
                "7s",
                "0x10",
                "+5",
                "Thu, 32 Dec 2026 14:01:00 GMT",
                "2026-12-03T14:01:00Z",
                "1e3",
                "5; DROP TABLE"
            })
    void absent_or_unreadable_headers_give_no_answer(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
}
