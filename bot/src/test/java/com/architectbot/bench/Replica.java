package com.architectbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One {@code architect-bot serve} process from the built jar, as an operator runs it: its own JVM, its own
 * port, the given environment and nothing else of ours. It can be killed with SIGKILL and started again.
 */
final class Replica {

    private static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int port;

    /** @param log where the process's output is appended, across restarts */
    Replica(String name, Path jar, Map<String, String> env, Path log) {
        this.name = name;
        this.jar = jar;
        this.env = Map.copyOf(env);
        this.log = log;
    }

    /** Starts the process, without waiting for it to be ready. */
    synchronized Replica start() {
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "serve"));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("MANAGEMENT_PORT", "0"); // two replicas on one machine: not both on 9090
        builder.environment()
                .put(
                        "DATA_ENCRYPTION_KEY", // replicas sharing a Redis share the key
                        "bench:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        return this;
    }

    /** Waits until {@code GET /ready} answers 200. */
    Replica awaitReady() {
        Awaitility.await(name + " to become ready; see " + log)
                .atMost(START_PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .failFast(name + " exited; see " + log, () -> !process.isAlive())
                .until(this::isReady);
        return this;
    }

    boolean isReady() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri("/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as when a node dies. */
    synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized long pid() {
        return process.pid();
    }

    synchronized URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String name() {
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
