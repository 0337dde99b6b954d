package com.architectbot.server;

import com.architectbot.config.Environment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The HTTP server.
 *
 * @param port {@code PORT}, default 3000
 * @param shutdownGrace how long in-flight jobs may finish after SIGTERM ({@code SHUTDOWN_GRACE_SECONDS})
 * @param bodyDeadline how long a request body may take to arrive in full ({@code REQUEST_BODY_TIMEOUT_SECONDS})
 */
public record ServerSettings(String host, int port, Duration shutdownGrace, Duration bodyDeadline) {

    public static final int DEFAULT_PORT = 3000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
    /** Chat events are small; a manifest upload is the largest body we accept. */
    public static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;
    /**
     * A refused body up to this size is read to its end before the 413, so the client gets the status rather
     * than a reset connection; like any body, it must arrive within the body deadline.
     */
    public static final long MAX_DRAINED_BYTES = 8 * MAX_REQUEST_BYTES;
    /** Slack and Teams send a whole body in milliseconds; even {@link #MAX_REQUEST_BYTES} at 256 kB/s fits. */
    public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(10);

    public static final String BODY_DEADLINE_VARIABLE = "REQUEST_BODY_TIMEOUT_SECONDS";

    public ServerSettings {
        if (bodyDeadline.isNegative() || bodyDeadline.isZero()) {
            throw new IllegalArgumentException(BODY_DEADLINE_VARIABLE + " must be positive, was " + bodyDeadline);
        }
    }

    /** @param loopbackOnly Teams runs unauthenticated: {@code HOST} defaults to 127.0.0.1 and must be loopback */
    public static ServerSettings from(Environment env, boolean loopbackOnly) {
        return new ServerSettings(
                loopbackOnly ? loopbackHost(env) : env.string("HOST", "0.0.0.0"),
                env.integer("PORT", DEFAULT_PORT, 0),
                env.seconds("SHUTDOWN_GRACE_SECONDS", DEFAULT_SHUTDOWN_GRACE),
                env.seconds(BODY_DEADLINE_VARIABLE, DEFAULT_BODY_DEADLINE));
    }

    private static String loopbackHost(Environment env) {
        String host = env.string("HOST", "127.0.0.1");
        if (isLoopback(host)) {
            return host;
        }
        throw new IllegalArgumentException("HOST=" + host + " is not valid while Teams runs without authentication "
                + "(TEAMS_ENABLED=true without MICROSOFT_APP_ID): anyone reaching the port could act as any user. "
                + "Unset HOST (or set HOST=127.0.0.1) for the Emulator, or set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD "
                + "and MICROSOFT_APP_TENANT_ID");
    }

    /** Whether a listener on {@code host} lets only this machine connect: a loopback address or {@code localhost}. */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
