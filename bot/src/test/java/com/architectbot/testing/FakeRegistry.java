package com.architectbot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package registry on loopback that serves recorded responses from the test classpath:
 * {@code GET /<path>} answers {@code /registry/<name>/<path>} (with {@code /index.json} tried for a
 * path that is a folder, so {@code /react} can serve {@code react/index.json}). A missing file is a
 * 404, as a real registry answers for an unknown package. Optional latency per request makes it a
 * stand-in for a remote registry in benchmarks. A fixture that must link back to the registry (a NuGet
 * service index) writes {@value #BASE_URL_PLACEHOLDER} where the fake's base URL goes. Benchmarks that
 * generate their documents serve them from a folder instead ({@link #servingFolder}). A {@code Range} request gets
 * its part (206), as Maven Central answers it, unless {@link #ignoringRanges()}.
 */
public final class FakeRegistry implements AutoCloseable {

    /** Replaced in served fixtures by {@link #baseUri()}. */
    public static final String BASE_URL_PLACEHOLDER = "{{fake-base-url}}";

    private final HttpServer server;
    private final String root;
    /** Where documents come from instead of the classpath; null for the classpath. */
    private final Path folder;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> rawRequests = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong bytesServed = new AtomicLong();
    private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean down;
    private volatile boolean rangesIgnored;
    private volatile boolean etags;
    private volatile Map<String, String> extraHeaders = Map.of();

    /** A canned answer given instead of the fixture, once. */
    private record Scripted(int status, Map<String, String> headers) {}

    private FakeRegistry(String name, Path folder) throws IOException {
        this.root = "/registry/" + name;
        this.folder = folder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves the fixtures under {@code src/test/resources/registry/<name>/}. */
    public static FakeRegistry serving(String name) {
        try {
            return new FakeRegistry(name, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the files under {@code folder} the same way: {@code GET /a/b} answers {@code folder/a/b}. */
    public static FakeRegistry servingFolder(Path folder) {
        try {
            Path root = folder.toAbsolutePath().normalize();
            return new FakeRegistry(root.toString(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure the client with, ending in a slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public FakeRegistry withLatency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /**
     * Sends an {@code ETag} (a hash of the document) with each fixture, and answers 304 without a body to a
     * request whose {@code If-None-Match} names it, as npmjs.org, Nexus and Artifactory do.
     */
    public FakeRegistry withEtags() {
        this.etags = true;
        return this;
    }

    /** Adds these headers to every fixture's answer, e.g. a hostile {@code ETag}. */
    public FakeRegistry withHeaders(Map<String, String> headers) {
        this.extraHeaders = Map.copyOf(headers);
        return this;
    }

    /** Per request so far, in order, the value of this request header, or null when it was not sent. */
    public List<String> requestHeader(String name) {
        return requestHeaders.stream()
                .map(headers -> headers.entrySet().stream()
                        .filter(header -> header.getKey().equalsIgnoreCase(name))
                        .map(header -> String.join(",", header.getValue()))
                        .findFirst()
                        .orElse(null))
                .toList();
    }

    /** While down, every request gets a 503, as from a registry in trouble. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /**
     * The next {@code times} requests get {@code status} with these headers instead of their fixture,
     * e.g. a 429 with {@code Retry-After}.
     */
    public FakeRegistry answerNext(int times, int status, Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            scripted.add(new Scripted(status, Map.copyOf(headers)));
        }
        return this;
    }

    /** From now on a {@code Range} header is ignored and the whole file sent, as by a server without range support. */
    public FakeRegistry ignoringRanges() {
        this.rangesIgnored = true;
        return this;
    }

    /** The body bytes sent so far, over all requests. */
    public long bytesServed() {
        return bytesServed.get();
    }

    /** The most requests this registry was serving at the same moment. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** The decoded paths requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The paths requested so far as sent, still percent-encoded, in order. */
    public List<String> rawRequests() {
        return List.copyOf(rawRequests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            rawRequests.add(exchange.getRequestURI().getRawPath());
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            requests.add(path);
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            holdInFlight();
            answer(exchange, path);
        }
    }

    /**
     * Counts the request as in flight while it waits out the latency, and no longer: it ends before the answer
     * is written, so a client that sends its next request on receiving this answer is never counted twice.
     */
    private void holdInFlight() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            pause();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange, String path) throws IOException {
        Scripted next = scripted.poll();
        if (next != null) {
            next.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(next.status(), -1);
            return;
        }
        if (down) {
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        byte[] body = withBaseUrl(fixture(path));
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        extraHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (etags) {
            String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
        }
        exchange.getResponseHeaders().add("Content-Type", contentType(path));
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null && !rangesIgnored) {
            sendRange(exchange, body, range);
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        bytesServed.addAndGet(body.length);
    }

    /** A single range, {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffixLength}, as a 206. */
    private void sendRange(HttpExchange exchange, byte[] body, String range) throws IOException {
        Matcher m = Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(range.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        long first = m.group(1).isEmpty()
                ? Math.max(0, body.length - Long.parseLong(m.group(2)))
                : Long.parseLong(m.group(1));
        long last = m.group(1).isEmpty() || m.group(2).isEmpty()
                ? body.length - 1
                : Math.min(body.length - 1, Long.parseLong(m.group(2)));
        if (first >= body.length || last < first) {
            exchange.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + body.length);
        exchange.sendResponseHeaders(206, last - first + 1);
        exchange.getResponseBody().write(body, (int) first, (int) (last - first + 1));
        bytesServed.addAndGet(last - first + 1);
    }

    private byte[] withBaseUrl(byte[] body) {
        if (body == null) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(BASE_URL_PLACEHOLDER)
                ? text.replace(BASE_URL_PLACEHOLDER, baseUri().toString()).getBytes(StandardCharsets.UTF_8)
                : body;
    }

    private byte[] fixture(String path) throws IOException {
        if (folder != null) {
            return fromFolder(path);
        }
        for (String candidate : List.of(root + path, root + path.replaceAll("/$", "") + "/index.json")) {
            if (isFolder(candidate)) {
                continue; // a folder on the classpath reads as a listing of its files, not as a 404
            }
            try (InputStream in = FakeRegistry.class.getResourceAsStream(candidate)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private byte[] fromFolder(String path) throws IOException {
        Path file = folder.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(folder)) {
            return null;
        }
        for (Path candidate : List.of(file, file.resolve("index.json"))) {
            if (Files.isRegularFile(candidate)) {
                return Files.readAllBytes(candidate);
            }
        }
        return null;
    }

    private static boolean isFolder(String resource) {
        URL url = FakeRegistry.class.getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            return false;
        }
        try {
            return Files.isDirectory(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".pom") || path.endsWith(".xml")) {
            return "application/xml";
        }
        if (path.endsWith(".nuspec")) {
            return "application/xml";
        }
        return path.endsWith(".sha1") || path.endsWith(".md5") ? "text/plain" : "application/json";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
