package com.architectbot.redis;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where Redis is and how long to wait for it. The bot reads these variables (its {@code StoreVariables}):
 *
 * <ul>
 *   <li>{@code REDIS_URL}: the server to use (see {@link RedisUrl} for the accepted forms). Unset or blank:
 *       start (or reuse) the embedded Redis on 127.0.0.1.</li>
 *   <li>{@code REDIS_EMBEDDED_PORT}: the embedded server's port, default {@value #DEFAULT_EMBEDDED_PORT}.</li>
 *   <li>{@code REDIS_DATA_DIR}: the embedded server's data directory (append-only file), default
 *       {@value #DEFAULT_DATA_DIR}.</li>
 *   <li>{@code REDIS_CONNECT_TIMEOUT_MS}, {@code REDIS_SOCKET_TIMEOUT_MS}: default 2000 and 5000.</li>
 * </ul>
 *
 * @param url the parsed {@code REDIS_URL}, or null for the embedded server
 */
public record RedisSettings(
        RedisUrl url, Path dataDir, int embeddedPort, Duration connectTimeout, Duration socketTimeout) {

    public static final String URL_VARIABLE = "REDIS_URL";
    public static final String PORT_VARIABLE = "REDIS_EMBEDDED_PORT";
    public static final String DATA_DIR_VARIABLE = "REDIS_DATA_DIR";
    public static final String CONNECT_TIMEOUT_VARIABLE = "REDIS_CONNECT_TIMEOUT_MS";
    public static final String SOCKET_TIMEOUT_VARIABLE = "REDIS_SOCKET_TIMEOUT_MS";

    public static final int DEFAULT_EMBEDDED_PORT = 6390;
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(5);

    public RedisSettings {
        requireNonNull(dataDir, "dataDir");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(socketTimeout, "socketTimeout");
        if (embeddedPort < 1 || embeddedPort > 65_535) {
            throw new IllegalArgumentException(
                    PORT_VARIABLE + " must be a port between 1 and 65535, was " + embeddedPort);
        }
        requirePositive(connectTimeout, CONNECT_TIMEOUT_VARIABLE);
        requirePositive(socketTimeout, SOCKET_TIMEOUT_VARIABLE);
    }

    /** Settings for one given server URL, with default timeouts. */
    public static RedisSettings forUrl(String url) {
        return new RedisSettings(
                RedisUrl.parse(url),
                Path.of(DEFAULT_DATA_DIR),
                DEFAULT_EMBEDDED_PORT,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT);
    }

    /** Whether no {@code REDIS_URL} was given, so the embedded server is used. */
    public boolean embedded() {
        return url == null;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration.toMillis() + " ms");
        }
    }
}
