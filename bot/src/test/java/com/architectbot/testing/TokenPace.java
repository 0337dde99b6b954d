package com.architectbot.testing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a fake model streams text: cut into tokens of {@value #TOKEN_CHARS} characters (never between the two halves
 * of a surrogate pair) and sent at a fixed rate. Shared by every streaming fake so they all write alike.
 */
public final class TokenPace {

    /** About one model token: English text averages some four characters per token. */
    public static final int TOKEN_CHARS = 4;

    /** No pause between tokens: the default, so tests that do not watch the stream stay quick. */
    public static final TokenPace FAST = new TokenPace(Duration.ZERO);

    private final Duration perToken;

    private TokenPace(Duration perToken) {
        this.perToken = requireNonNull(perToken, "perToken");
    }

    /** A pace of {@code tokensPerSecond} (50 is a brisk hosted model). */
    public static TokenPace of(int tokensPerSecond) {
        if (tokensPerSecond < 1) {
            throw new IllegalArgumentException("tokens per second must be positive, was " + tokensPerSecond);
        }
        return new TokenPace(Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / tokensPerSecond));
    }

    /** The text cut into tokens; empty text gives no token. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>(text.length() / TOKEN_CHARS + 1);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + TOKEN_CHARS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            tokens.add(text.substring(start, end));
            start = end;
        }
        return tokens;
    }

    /**
     * Waits one token's time.
     *
     * @param closed counted down when the fake closes, which ends the wait at once
     * @return false when the fake closed or the thread was interrupted: stop streaming
     */
    boolean pause(CountDownLatch closed) {
        try {
            return perToken.isZero() ? closed.getCount() > 0 : !closed.await(perToken.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
