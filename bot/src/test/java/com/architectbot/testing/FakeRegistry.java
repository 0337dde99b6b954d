package com.architectbot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A package registry on loopback that serves recorded responses from the test classpath:
 * {@code GET /<path>} answers {@code /registry/<name>/<path>} (with {@code /index.json} tried for a
 * path that is a folder, so {@code /react} can serve {@code react/index.json}). A missing file is a
 * 404, as a real registry answers for an unknown package. Optional latency per request makes it a
 * stand-in for a remote registry in benchmarks.
 */
public final class FakeRegistry implements AutoCloseable {

    private final HttpServer server;
    private final String root;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean down;

    private FakeRegistry(String name) throws IOException {
        this.root = "/registry/" + name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves the fixtures under {@code src/test/resources/registry/<name>/}. */
    public static FakeRegistry serving(String name) {
        try {
            return new FakeRegistry(name);
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

    /** While down, every request gets a 503, as from a registry in trouble. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** The decoded paths requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            requests.add(path);
            pause();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = fixture(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", contentType(path));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] fixture(String path) throws IOException {
        for (String candidate : List.of(root + path, root + path.replaceAll("/$", "") + "/index.json")) {
            try (InputStream in = FakeRegistry.class.getResourceAsStream(candidate)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
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
        return path.endsWith(".sha1") || path.endsWith(".md5") ? "text/plain" : "application/json";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
