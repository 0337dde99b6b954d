package com.architectbot.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Retry-After} header, which is either a number of seconds or an HTTP date
 * (RFC 9110, section 10.2.3). The header comes from the other side, so whatever it says is bounded:
 * never negative, never longer than {@link #LONGEST}, and unreadable text is no answer at all.
 */
public final class RetryAfter {

    /** Longer asks are cut to this: it keeps callers' arithmetic on the wait far from overflow. */
    public static final Duration LONGEST = Duration.ofDays(1);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    /** More digits than this cannot be a sensible wait, and would not fit in a long. */
    private static final int MAX_DIGITS = 12;

    private RetryAfter() {}

    /** The wait the header asks for, counted from now; empty when the header is absent or unreadable. */
    public static Optional<Duration> parse(String header) {
        return parse(header, Instant.now());
    }

    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        Optional<Duration> wait =
                WHOLE_NUMBER.matcher(value).matches() ? Optional.of(seconds(value)) : until(value, now);
        return wait.map(RetryAfter::bounded);
    }

    private static Duration seconds(String number) {
        if (number.startsWith("-")) {
            return Duration.ZERO;
        }
        return number.length() > MAX_DIGITS ? LONGEST : Duration.ofSeconds(Long.parseLong(number));
    }

    private static Optional<Duration> until(String httpDate, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(Duration.between(now, at));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Duration bounded(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
