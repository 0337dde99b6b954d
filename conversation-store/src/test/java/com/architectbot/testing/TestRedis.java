package com.architectbot.testing;

import com.architectbot.redis.RedisConnection;
import com.architectbot.redis.RedisSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests: {@code REDIS_URL} when set (a system redis-server, a CI service), otherwise
 * one embedded server on a free loopback port, started once per test JVM and stopped at exit.
 * Tests isolate themselves by key prefix or {@link #flush()}, never by mocking.
 */
public final class TestRedis {

    private static volatile URI uri;

    private TestRedis() {}

    /** The URL of the test server, starting the embedded one on first use. */
    public static synchronized URI uri() {
        if (uri == null) {
            String external = System.getenv("REDIS_URL");
            uri = external != null && !external.isBlank() ? URI.create(external) : startEmbedded();
        }
        return uri;
    }

    /** A new client of the test server; close it when done. */
    public static UnifiedJedis client() {
        return RedisClient.create(uri());
    }

    /**
     * A new {@link RedisConnection} to the test server, as the bot opens it (so connection failures become
     * {@code StoreUnavailableException}); close it when done.
     */
    public static RedisConnection connection() {
        return RedisConnection.open(RedisSettings.forUrl(uri().toString()));
    }

    /** Empties the test server's current database. */
    public static void flush() {
        try (UnifiedJedis jedis = client()) {
            jedis.flushDB();
        }
    }

    private static URI startEmbedded() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting; the process dies with it
                }
            }));
            return URI.create("redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded test Redis", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
