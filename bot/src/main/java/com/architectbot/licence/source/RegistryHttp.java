package com.architectbot.licence.source;

import com.architectbot.core.Backoff;
import com.architectbot.core.RetryAfter;
import com.architectbot.licence.LicenceRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP path to every registry: a timeout per request, bounded retries with backoff for
 * timeouts, I/O errors, 429 and 5xx (honouring {@code Retry-After}), and at most
 * {@link RegistrySettings#maxConcurrentPerHost()} requests in flight per host, and answers read up to
 * {@link RegistrySettings#maxBodyBytes()}, over HTTP/2 where the registry offers it. A redirect is followed
 * (at most {@value #MAX_REDIRECTS} hops) only to the scheme, host and port the GET was for. It never throws for a
 * registry that is away or answers too much: that is an {@link Outcome} (or an {@link Answer} for a
 * conditional GET whose body is read as it streams in).
 */
public final class RegistryHttp implements AutoCloseable {

    /** A registry asking for a longer pause than this is treated as away rather than waited for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    /** How long a look-up may queue for a free slot on a busy host before giving up. */
    static final Duration MAX_QUEUE_WAIT = Duration.ofMinutes(2);
    /** Redirects followed for one GET, each on the host the GET was for. */
    static final int MAX_REDIRECTS = 3;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String BINARY = "application/octet-stream, */*";
    private static final String USER_AGENT = "architect-bot licence-check (+https://github.com/architect-bot)";
    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);

    /** What a GET came to. */
    sealed interface Outcome {
        record Ok(String body) implements Outcome {}

        record NotFound() implements Outcome {}

        /** Still failing after the last attempt; {@code reason} is user-facing evidence. */
        record Failed(String reason) implements Outcome {}

        /** What the report says when this outcome gave no licence. */
        default LicenceRegistry.Lookup.Unknown unknown(String registry) {
            return switch (this) {
                case Ok ok ->
                    new LicenceRegistry.Lookup.Unknown(registry + " answered with a document that could not be read");
                case NotFound notFound -> new LicenceRegistry.Lookup.Unknown("not found in " + registry);
                case Failed failed -> new LicenceRegistry.Lookup.Unknown(registry + " unreachable: " + failed.reason());
            };
        }
    }

    /** Reads a 2xx body as it arrives (it is capped); throws {@link Unreadable} for content it cannot use. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** The answer arrived but its content is unusable (not JSON, say): asking again would not help. */
    public static final class Unreadable extends IOException {
        public Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** What a GET read as a stream came to. */
    public sealed interface Answer<T> {
        /**
         * A 2xx answer, read; {@code status} tells a range (206) from the whole (200), {@code headers} carry
         * validators such as {@code ETag} and a range's {@code Content-Range}.
         */
        record Read<T>(T value, int status, HttpHeaders headers) implements Answer<T> {}

        /** 304: what the caller holds is still current. */
        record NotModified<T>(HttpHeaders headers) implements Answer<T> {}

        record NotFound<T>() implements Answer<T> {}

        /** Still failing after the last attempt; {@code reason} is user-facing evidence. */
        record Failed<T>(String reason) implements Answer<T> {}
    }

    private final HttpClient client;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final RegistrySettings settings;
    private final Backoff backoff;
    private final Map<String, Semaphore> permitsByHost = new ConcurrentHashMap<>();

    public RegistryHttp(RegistrySettings settings) {
        this.settings = settings;
        this.backoff = Backoff.doubling(
                        settings.retryBackoff(), settings.retryBackoff().multipliedBy(1024))
                .withJitter();
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, on the same host only
                .version(HttpClient.Version.HTTP_2) // many requests to one host share a connection
                .executor(executor)
                .build();
    }

    /** How many requests may be in flight per host: callers that start work per request size their own pools by it. */
    public int maxConcurrentPerHost() {
        return settings.maxConcurrentPerHost();
    }

    Outcome get(URI uri, String accept) {
        return switch (get(
                uri, Map.of("Accept", accept), body -> new String(body.readAllBytes(), StandardCharsets.UTF_8))) {
            case Answer.Read<String> read -> new Outcome.Ok(read.value());
            case Answer.NotModified<String> notModified -> new Outcome.Failed("HTTP 304 to an unconditional request");
            case Answer.NotFound<String> notFound -> new Outcome.NotFound();
            case Answer.Failed<String> failed -> new Outcome.Failed(failed.reason());
        };
    }

    /**
     * The bytes of a binary (a package archive), or of the byte range {@code range} of it ({@code bytes=0-99},
     * {@code bytes=-22}): the answer's status says whether the server sent the part (206) or ignored the range
     * (200). At most {@code maxBytes} are read, whatever the server declares or sends.
     */
    Answer<byte[]> getBytes(URI uri, String range, int maxBytes) {
        Map<String, String> headers =
                range == null ? Map.of("Accept", BINARY) : Map.of("Accept", BINARY, "Range", range);
        return get(
                uri,
                headers,
                body -> ResponseBodies.capped(body, maxBytes, OptionalLong.empty())
                        .readAllBytes());
    }

    /**
     * A GET with these request headers (validators such as {@code If-None-Match} included), its 2xx body
     * read by {@code reader} as it streams in, within the size cap.
     */
    public <T> Answer<T> get(URI uri, Map<String, String> headers, BodyReader<T> reader) {
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest request = request(target, headers);
            if (request == null) { // a header value the JDK refuses (CR/LF): never sent
                return new Answer.Failed<>("a request header was not valid");
            }
            switch (withRetries(request, reader)) {
                case Attempt.Done<T> done -> {
                    return done.answer();
                }
                case Attempt.Redirect<T> redirect -> {
                    // a registry's redirect is followed only to itself: anything else would let it aim us anywhere
                    if (!SameOrigin.as(redirect.location(), uri)) {
                        return new Answer.Failed<>("redirected to another host ("
                                + Objects.requireNonNullElse(redirect.location().getHost(), "none named")
                                + "); not followed");
                    }
                    target = redirect.location();
                }
                case Attempt.Retry<T> retry -> throw new IllegalStateException("retries end in withRetries");
            }
        }
        return new Answer.Failed<>("more than " + MAX_REDIRECTS + " redirects; not followed");
    }

    private HttpRequest request(URI uri, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .header("User-Agent", USER_AGENT)
                    .GET();
            headers.forEach(builder::header);
            return builder.build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The request, tried again while worth it: an answer, a failure, or a redirect (never a Retry). */
    private <T> Attempt<T> withRetries(HttpRequest request, BodyReader<T> reader) {
        String lastProblem = "no attempt made";
        int attempts = settings.retries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Attempt<T> result = attemptOnce(request, reader);
            if (!(result instanceof Attempt.Retry<T> retry)) {
                return result;
            }
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
        return failed(lastProblem + (attempts > 1 ? " (" + attempts + " attempts)" : ""));
    }

    /** One request: done (an answer or a hopeless failure), or worth another try. */
    private sealed interface Attempt<T> {
        record Done<T>(Answer<T> answer) implements Attempt<T> {}

        record Retry<T>(String problem, Optional<Duration> retryAfter) implements Attempt<T> {}

        /** A 3xx to {@code location}, resolved against the request; whether to follow is the caller's call. */
        record Redirect<T>(URI location) implements Attempt<T> {}
    }

    private static <T> Attempt<T> failed(String reason) {
        return new Attempt.Done<>(new Answer.Failed<>(reason));
    }

    private <T> Attempt<T> attemptOnce(HttpRequest request, BodyReader<T> reader) {
        Semaphore permits = permitsByHost.computeIfAbsent(
                request.uri().getHost() + ":" + request.uri().getPort(),
                host -> new Semaphore(settings.maxConcurrentPerHost(), true));
        try {
            if (!permits.tryAcquire(MAX_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return failed("too busy: no free connection slot after " + MAX_QUEUE_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
        try {
            // the body is read under the permit: a slot is a request in flight, answer included
            return read(client.send(request, HttpResponse.BodyHandlers.ofInputStream()), reader);
        } catch (HttpTimeoutException e) {
            return new Attempt.Retry<>("timed out after " + describe(settings.timeout()), Optional.empty());
        } catch (Unreadable e) {
            return failed(e.getMessage());
        } catch (IOException e) {
            Optional<String> tooLarge = ResponseBodies.tooLarge(e); // the same answer again would be no smaller
            return tooLarge.<Attempt<T>>map(RegistryHttp::failed)
                    .orElseGet(() -> new Attempt.Retry<>(
                            "connection failed (" + e.getClass().getSimpleName() + ")", Optional.empty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        } finally {
            permits.release();
        }
    }

    private <T> Attempt<T> read(HttpResponse<InputStream> response, BodyReader<T> reader) throws IOException {
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                InputStream capped = ResponseBodies.capped(
                        body, settings.maxBodyBytes(), response.headers().firstValueAsLong("Content-Length"));
                return new Attempt.Done<>(new Answer.Read<>(reader.read(capped), status, response.headers()));
            }
            if (status == 304) {
                return new Attempt.Done<>(new Answer.NotModified<>(response.headers()));
            }
            if (REDIRECTS.contains(status)) {
                return redirect(response);
            }
            if (status == 404 || status == 410) {
                return new Attempt.Done<>(new Answer.NotFound<>());
            }
            if (status == 429 || status >= 500) {
                Optional<Duration> retryAfter =
                        response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse);
                if (retryAfter.isPresent() && retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0) {
                    return failed("HTTP " + status + ", asked to wait "
                            + retryAfter.get().toSeconds() + " s");
                }
                return new Attempt.Retry<>("HTTP " + status, retryAfter);
            }
            return failed("HTTP " + status);
        }
    }

    private static <T> Attempt<T> redirect(HttpResponse<InputStream> response) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return failed("HTTP " + response.statusCode() + " without a Location");
        }
        try {
            return new Attempt.Redirect<>(response.request().uri().resolve(new URI(location.get())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return failed("redirected to a location that is not a URL; not followed");
        }
    }

    @Override
    public void close() {
        client.close();
        executor.close();
    }

    /** "10 s", or "200 ms" below a second. */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
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
