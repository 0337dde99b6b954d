package com.architectbot.licence.source;

import com.architectbot.core.Backoff;
import com.architectbot.licence.source.RegistryHttp.Answer;
import com.architectbot.licence.source.SameOriginRedirects.Hop;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A registry request tried again while worth it, with backoff (or the pause the registry asked for). */
final class Retries {

    /** A registry asking for a longer pause than this is treated as away rather than waited for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class); // logged as the client's

    /** One request: done (an answer, a hopeless failure or a redirect), or worth another try. */
    sealed interface Attempt<T> {
        record Done<T>(Hop<T> hop) implements Attempt<T> {}

        record Retry<T>(String problem, Optional<Duration> retryAfter) implements Attempt<T> {}

        static <T> Attempt<T> done(Answer<T> answer) {
            return new Done<>(new Hop.Answered<>(answer));
        }

        static <T> Attempt<T> failed(String reason) {
            return done(new Answer.Failed<>(reason));
        }
    }

    private final int retries;
    private final Backoff backoff;

    Retries(int retries, Duration firstBackoff) {
        this.retries = retries;
        this.backoff =
                Backoff.doubling(firstBackoff, firstBackoff.multipliedBy(1024)).withJitter();
    }

    /** The request, tried again while worth it: an answer, a failure, or a redirect. */
    <T> Hop<T> run(HttpRequest request, Function<HttpRequest, Attempt<T>> once) {
        String lastProblem = "no attempt made";
        int attempts = retries + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Attempt<T> result = once.apply(request);
            if (result instanceof Attempt.Done<T> done) {
                return done.hop();
            }
            Attempt.Retry<T> retry = (Attempt.Retry<T>) result;
            lastProblem = retry.problem();
            log.debug(
                    "attempt {}/{} on {} failed: {}",
                    attempt,
                    attempts,
                    request.uri().getHost(),
                    lastProblem);
            if (attempt < attempts && !pause(retry.retryAfter().orElse(backoff.after(attempt)))) {
                break;
            }
        }
        return new Hop.Answered<>(
                new Answer.Failed<>(lastProblem + (attempts > 1 ? " (" + attempts + " attempts)" : "")));
    }

    /** A 429 or 5xx: tried again, unless the registry asks for a longer pause than is worth waiting. */
    static <T> Attempt<T> later(int status, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent() && retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0) {
            return Attempt.failed(
                    "HTTP " + status + ", asked to wait " + retryAfter.get().toSeconds() + " s");
        }
        return new Attempt.Retry<>("HTTP " + status, retryAfter);
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
