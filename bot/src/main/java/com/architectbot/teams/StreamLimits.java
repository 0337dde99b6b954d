package com.architectbot.teams;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a live answer may use Bot Connector, from Teams' guidance for streamed bot messages: no more than one
 * request per {@code interval} (Teams asks streaming bots to buffer the model's tokens for 1.5 to 2 seconds, and
 * bounds a bot's messages per conversation), a stream that ends within {@code maxDuration} (Teams closes a stream
 * after two minutes), and no more than {@code maxChars} of text (a Teams message holds about 28 KB, and escaping
 * may lengthen the text several times). Past a limit the live view stops; the reply written over the stream still
 * carries the whole answer.
 *
 * @param backoff how long to stay quiet after Bot Connector answered 429, at least
 */
record StreamLimits(Duration interval, Duration backoff, Duration maxDuration, int maxChars) {

    static final Duration INTERVAL = Duration.ofMillis(1_500);
    static final Duration BACKOFF = Duration.ofSeconds(3);
    /** Well inside Teams' two minutes, so the final message finds the stream still open. */
    static final Duration MAX_DURATION = Duration.ofSeconds(100);
    /** 3,000 characters keep every update and the final message well under Teams' ~28 KB, even once escaped. */
    static final int MAX_CHARS = 3_000;
    /** Teams shows an informative update of at most 1,000 characters. */
    static final int MAX_STATUS_CHARS = 1_000;

    static final StreamLimits TEAMS = new StreamLimits(INTERVAL, BACKOFF, MAX_DURATION, MAX_CHARS);

    StreamLimits {
        requireNonNull(interval, "interval");
        requireNonNull(backoff, "backoff");
        requireNonNull(maxDuration, "maxDuration");
        if (interval.isNegative() || backoff.isNegative() || !maxDuration.isPositive() || maxChars < 1) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
    }
}
