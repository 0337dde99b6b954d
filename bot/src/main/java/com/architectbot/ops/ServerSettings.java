package com.architectbot.ops;

import com.architectbot.config.Environment;
import java.time.Duration;

/**
 * The HTTP server.
 *
 * @param port {@code PORT}, default 3000
 * @param shutdownGrace how long in-flight jobs may finish after SIGTERM ({@code SHUTDOWN_GRACE_SECONDS})
 */
public record ServerSettings(String host, int port, Duration shutdownGrace) {

    public static final int DEFAULT_PORT = 3000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
    /** Chat events are small; a manifest upload is the largest body we accept. */
    public static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;

    public static ServerSettings from(Environment env) {
        return new ServerSettings(
                env.string("HOST", "0.0.0.0"),
                env.integer("PORT", DEFAULT_PORT, 0),
                env.seconds("SHUTDOWN_GRACE_SECONDS", DEFAULT_SHUTDOWN_GRACE));
    }
}
