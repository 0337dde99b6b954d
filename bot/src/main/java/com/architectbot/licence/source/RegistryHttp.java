package com.architectbot.licence.source;

import com.architectbot.core.RetryAfter;
import com.architectbot.licence.source.Retries.Attempt;
import com.architectbot.licence.source.SameOriginRedirects.Hop;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one HTTP path to every registry: a timeout per request, bounded retries with backoff for
 * timeouts, I/O errors, 429 and 5xx (honouring {@code Retry-After}), and at most
 * {@link RegistrySettings#maxConcurrentPerHost()} requests in flight per host, and answers read up to
 * {@link RegistrySettings#maxBodyBytes()}, over HTTP/2 where the registry offers it. Redirects are followed by
 * {@link SameOriginRedirects}. It never throws for a registry that is away or answers too much: that is an
 * {@link Answer}, its body read as it streams in.
 */
public final class RegistryHttp implements AutoCloseable {

    private static final String BINARY = "application/octet-stream, */*";
    private static final String USER_AGENT = "architect-bot licence-check (+https://github.com/architect-bot)";

    /** Reads a 2xx body as it arrives (it is capped); throws {@link Unreadable} for content it cannot use. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /** The whole body as UTF-8 text. */
        BodyReader<String> TEXT = body -> new String(body.readAllBytes(), StandardCharsets.UTF_8);

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
    private final Retries retries;
    private final HostSlots slots;

    public RegistryHttp(RegistrySettings settings) {
        this.settings = settings;
        this.slots = new HostSlots(settings.maxConcurrentPerHost());
        this.retries = new Retries(settings.retries(), settings.retryBackoff());
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

    /**
     * The bytes of a binary (a package archive), or of the byte range {@code range} of it ({@code bytes=0-99},
     * {@code bytes=-22}): the answer's status says whether the server sent the part (206) or ignored the range
     * (200). At most {@code maxBytes} are read, whatever the server declares or sends.
     */
    Answer<byte[]> getBytes(URI uri, String range, int maxBytes) {
        Map<String, String> headers =
                range == null ? Map.of("Accept", BINARY) : Map.of("Accept", BINARY, "Range", range);
        BodyReader<byte[]> bytes = body ->
                ResponseBodies.capped(body, maxBytes, OptionalLong.empty()).readAllBytes();
        return get(uri, headers, bytes);
    }

    /**
     * A GET with these request headers (validators such as {@code If-None-Match} included), its 2xx body
     * read by {@code reader} as it streams in, within the size cap.
     */
    public <T> Answer<T> get(URI uri, Map<String, String> headers, BodyReader<T> reader) {
        return SameOriginRedirects.follow(uri, target -> {
            HttpRequest request = request(target, headers);
            return request == null // a header value the JDK refuses (CR/LF): never sent
                    ? new Hop.Answered<>(new Answer.Failed<>("a request header was not valid"))
                    : retries.run(request, attempt -> attemptOnce(attempt, reader));
        });
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

    private <T> Attempt<T> attemptOnce(HttpRequest request, BodyReader<T> reader) {
        Optional<String> noSlot = slots.acquire(request.uri());
        if (noSlot.isPresent()) {
            return Attempt.failed(noSlot.get());
        }
        try {
            // the body is read under the permit: a slot is a request in flight, answer included
            return read(client.send(request, HttpResponse.BodyHandlers.ofInputStream()), reader);
        } catch (HttpTimeoutException e) {
            return new Attempt.Retry<>("timed out after " + describe(settings.timeout()), Optional.empty());
        } catch (Unreadable e) {
            return Attempt.failed(e.getMessage());
        } catch (IOException e) {
            Optional<String> tooLarge = ResponseBodies.tooLarge(e); // the same answer again would be no smaller
            return tooLarge.<Attempt<T>>map(Attempt::failed)
                    .orElseGet(() -> new Attempt.Retry<>(
                            "connection failed (" + e.getClass().getSimpleName() + ")", Optional.empty()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted");
        } finally {
            slots.release(request.uri());
        }
    }

    private <T> Attempt<T> read(HttpResponse<InputStream> response, BodyReader<T> reader) throws IOException {
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                InputStream capped = ResponseBodies.capped(
                        body, settings.maxBodyBytes(), response.headers().firstValueAsLong("Content-Length"));
                return Attempt.done(new Answer.Read<>(reader.read(capped), status, response.headers()));
            }
            if (status == 304) {
                return Attempt.done(new Answer.NotModified<>(response.headers()));
            }
            if (SameOriginRedirects.isRedirect(status)) {
                return new Attempt.Done<>(SameOriginRedirects.of(response));
            }
            if (status == 404 || status == 410) {
                return Attempt.done(new Answer.NotFound<>());
            }
            if (status == 429 || status >= 500) {
                return Retries.later(
                        status, response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse));
            }
            return Attempt.failed("HTTP " + status);
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
}
