package com.architectbot.licence.source;

import com.architectbot.licence.source.RegistryHttp.Answer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Redirects of a registry GET, followed by hand (at most {@value #MAX_REDIRECTS} hops) and only to the scheme,
 * host and port the GET was for: anything else would let a registry aim us anywhere.
 */
final class SameOriginRedirects {

    /** Redirects followed for one GET, each on the host the GET was for. */
    static final int MAX_REDIRECTS = 3;

    private static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    /** What one request came to: an answer, or a redirect whose following is decided here. */
    sealed interface Hop<T> {
        record Answered<T>(Answer<T> answer) implements Hop<T> {}

        /** A 3xx to {@code location}, resolved against the request. */
        record Redirected<T>(URI location) implements Hop<T> {}
    }

    private SameOriginRedirects() {}

    /** Sends to {@code uri}, then to each same-origin redirect target in turn, until an answer comes. */
    static <T> Answer<T> follow(URI uri, Function<URI, Hop<T>> send) {
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            switch (send.apply(target)) {
                case Hop.Answered<T> answered -> {
                    return answered.answer();
                }
                case Hop.Redirected<T> redirected -> {
                    if (!SameOrigin.as(redirected.location(), uri)) {
                        return new Answer.Failed<>("redirected to another host ("
                                + Objects.requireNonNullElse(
                                        redirected.location().getHost(), "none named")
                                + "); not followed");
                    }
                    target = redirected.location();
                }
            }
        }
        return new Answer.Failed<>("more than " + MAX_REDIRECTS + " redirects; not followed");
    }

    static boolean isRedirect(int status) {
        return STATUSES.contains(status);
    }

    /** Where a 3xx points, or why it is not followed. */
    static <T> Hop<T> of(HttpResponse<?> response) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return answered("HTTP " + response.statusCode() + " without a Location");
        }
        try {
            return new Hop.Redirected<>(response.request().uri().resolve(new URI(location.get())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return answered("redirected to a location that is not a URL; not followed");
        }
    }

    private static <T> Hop<T> answered(String failure) {
        return new Hop.Answered<>(new Answer.Failed<>(failure));
    }
}
