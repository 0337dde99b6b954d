package com.architectbot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisServer;

/**
 * The Redis used when {@code REDIS_URL} is unset: a redis-server child process on 127.0.0.1 keeping an
 * append-only file in the data directory, so threads survive a restart. When a Redis already answers on
 * the port (a {@code serve} process started it and now a CLI {@code consult} runs), that one is reused and
 * left running on close, but only when it is ours: its {@code dir} is our data directory. Any other server
 * there (a developer's own Redis, another project's) is refused, never silently written to.
 */
final class EmbeddedRedis implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    /** How long to wait for a PING answer from something already on the port. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer startedHere;
    private final int port;

    private EmbeddedRedis(RedisServer startedHere, int port) {
        this.startedHere = startedHere;
        this.port = port;
    }

    static EmbeddedRedis startOrReuse(Path dataDir, int port) {
        Path dir = prepare(dataDir);
        if (answersPing(port)) {
            return reuseIfOurs(port, dir);
        }
        RedisServer server = newServer(dir, port);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            if (answersPing(port)) { // another process won the race to start it
                return reuseIfOurs(port, dir);
            }
            throw new IllegalStateException(
                    "REDIS_URL is not set and the embedded Redis could not start on "
                            + HOST + ":" + port + " with data in " + dir + " (is the port taken by something else? set "
                            + RedisSettings.PORT_VARIABLE + " to another port, or REDIS_URL to a Redis server)",
                    e);
        }
        log.info("REDIS_URL is not set: started embedded Redis on {}:{}, data in {}", HOST, port, dir);
        return new EmbeddedRedis(server, port);
    }

    int port() {
        return port;
    }

    boolean startedHere() {
        return startedHere != null;
    }

    @Override
    public void close() {
        if (startedHere == null) {
            return;
        }
        try {
            startedHere.stop(); // SIGTERM: Redis flushes the append-only file before it exits
        } catch (IOException e) {
            log.warn("embedded Redis on {}:{} did not stop cleanly", HOST, port, e);
        }
    }

    /** Redis reports its {@code dir} after changing into it, symbolic links resolved: compare real paths. */
    private static EmbeddedRedis reuseIfOurs(int port, Path dir) {
        String theirs = dataDirOf(port);
        if (!dir.toString().equals(theirs)) {
            throw new IllegalStateException("REDIS_URL is not set, and the Redis answering on " + HOST + ":" + port
                    + " is not this bot's embedded Redis (its data directory is not " + dir + "): set "
                    + RedisSettings.PORT_VARIABLE + " to a free port for the embedded Redis, or set "
                    + RedisSettings.URL_VARIABLE + " to use that server on purpose");
        }
        log.info(
                "REDIS_URL is not set: reusing the Redis already answering on {}:{} (started by another process)",
                HOST,
                port);
        return new EmbeddedRedis(null, port);
    }

    private static Path prepare(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            return dir.toRealPath();
        } catch (IOException e) { // a setting to fix, not a failure to retry: reported as configuration
            throw new IllegalArgumentException(
                    "could not prepare the embedded Redis data directory " + dir + " (set "
                            + RedisSettings.DATA_DIR_VARIABLE + " to a writable directory)",
                    e);
        }
    }

    private static RedisServer newServer(Path dir, int port) {
        try {
            return RedisServer.newRedisServer()
                    .bind(HOST)
                    .port(port)
                    .setting("dir " + quoted(dir.toString()))
                    .setting("appendonly yes")
                    .onShutdownForceStop(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not configure the embedded Redis in " + dir, e);
        }
    }

    /** A redis.conf string: double quotes keep a path with spaces in one argument. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static boolean answersPing(int port) {
        try (var jedis = probe(port)) {
            return "PONG".equals(jedis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    /** The server's {@code dir}, or null when it will not say (CONFIG disabled, a password required). */
    private static String dataDirOf(int port) {
        try (var jedis = probe(port)) {
            return jedis.configGet("dir").get("dir");
        } catch (JedisException e) {
            return null;
        }
    }

    private static Jedis probe(int port) {
        int timeout = Math.toIntExact(PROBE_TIMEOUT.toMillis());
        return new Jedis(
                new HostAndPort(HOST, port),
                DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(timeout)
                        .socketTimeoutMillis(timeout)
                        .build());
    }
}
