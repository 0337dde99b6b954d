package com.architectbot.slack;

import com.architectbot.core.Backoff;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryAfter;
import com.architectbot.core.RetryableFailure;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Slack Web API calls to completion or to a typed failure. Slack reports most errors as
 * {@code ok:false} in a 200 response, not as exceptions, so every response is checked here. A 429 is
 * waited out for its {@code Retry-After} and tried again, as long as the delivery budget allows; other
 * transient trouble is retried with a short backoff; what cannot succeed becomes a {@link PermanentFailure}.
 */
final class SlackWebApi {

    /** A call whose result still has to be checked. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** How the caller waits; tests record the waits instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Backoff BACKOFF = Backoff.doubling(FIRST_BACKOFF, FIRST_BACKOFF.multipliedBy(16));
    static final int MAX_TRANSIENT_FAILURES = 3;
    /** Errors Slack documents as temporary: worth another try. */
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);

    private final Duration budget;
    private final Pause pause;

    SlackWebApi(Duration budget, Pause pause) {
        this.budget = budget;
        this.pause = pause;
    }

    SlackWebApi(Duration budget) {
        this(budget, duration -> Thread.sleep(duration.toMillis()));
    }

    /** The same calls within a shorter budget: for calls that may give up sooner than a delivery (a live view). */
    SlackWebApi within(Duration shorter) {
        return new SlackWebApi(shorter.compareTo(budget) < 0 ? shorter : budget, pause);
    }

    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        long started = System.nanoTime();
        int transientFailures = 0;
        Exception last = null;
        while (true) {
            Duration wait;
            try {
                T response = call.run();
                if (response.isOk()) {
                    return response;
                }
                if (!TRANSIENT_ERRORS.contains(response.getError())) {
                    throw new PermanentFailure(
                            "Slack refused the request (" + response.getError() + ").",
                            method + " failed: " + response.getError()
                                    + (response.getNeeded() == null
                                            ? ""
                                            : " (needs scope " + response.getNeeded() + ")"),
                            null);
                }
                wait = BACKOFF.after(++transientFailures);
                last = new IllegalStateException(method + " answered " + response.getError());
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                last = e;
                if (status == 429) {
                    // at least the default: a hostile or broken "Retry-After: 0" must not turn into a busy loop
                    wait = RetryAfter.parse(e.getResponse().header("Retry-After"))
                            .filter(asked -> asked.compareTo(DEFAULT_RETRY_AFTER) > 0)
                            .orElse(DEFAULT_RETRY_AFTER);
                    LOG.info("{} rate limited; retrying after {}", method, wait);
                } else if (status >= 500) {
                    wait = BACKOFF.after(++transientFailures);
                } else {
                    throw new PermanentFailure(
                            "Slack refused the request (HTTP " + status + ").",
                            method + " failed with HTTP " + status,
                            e);
                }
            } catch (IOException e) {
                last = e;
                wait = BACKOFF.after(++transientFailures);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (transientFailures > MAX_TRANSIENT_FAILURES || elapsed.plus(wait).compareTo(budget) > 0) {
                throw new RetryableFailure(
                        method + " still failing after " + elapsed.toMillis() + " ms and " + transientFailures
                                + " transient failures (budget " + budget + ")",
                        last);
            }
            sleep(method, wait);
        }
    }

    private void sleep(String method, Duration wait) {
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure(method + " interrupted while waiting " + wait + " to retry", e);
        }
    }
}
