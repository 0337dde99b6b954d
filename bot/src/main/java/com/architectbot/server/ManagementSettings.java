package com.architectbot.server;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import java.util.Optional;

/**
 * The management listener, which serves {@code /metrics} apart from the public port that Slack and Teams reach.
 *
 * @param host {@code MANAGEMENT_HOST}, default {@value #DEFAULT_HOST}: only processes on the same machine (or pod)
 *     can scrape unless an operator binds it elsewhere
 * @param port {@code MANAGEMENT_PORT}, default {@value #DEFAULT_PORT}
 * @param token {@code METRICS_TOKEN}: when set, a scrape must send {@code Authorization: Bearer <token>}
 */
public record ManagementSettings(String host, int port, Optional<String> token) {

    public static final String HOST_VARIABLE = "MANAGEMENT_HOST";
    public static final String PORT_VARIABLE = "MANAGEMENT_PORT";
    public static final String TOKEN_VARIABLE = "METRICS_TOKEN";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9090;
    /** A bearer token shorter than this is guessable. */
    static final int MIN_TOKEN_CHARS = 16;

    public ManagementSettings {
        requireNonNull(host, "host");
        requireNonNull(token, "token");
        if (port > 65_535) {
            throw new IllegalArgumentException(
                    PORT_VARIABLE + "=" + port + " is not valid: set it to a port up to 65535");
        }
        token.filter(value -> value.length() < MIN_TOKEN_CHARS).ifPresent(value -> {
            throw new IllegalArgumentException(TOKEN_VARIABLE + " is too short: use at least " + MIN_TOKEN_CHARS
                    + " random characters, e.g. the output of: openssl rand -hex 32");
        });
    }

    public static ManagementSettings from(Environment env) {
        return new ManagementSettings(
                env.string(HOST_VARIABLE, DEFAULT_HOST),
                env.integer(PORT_VARIABLE, DEFAULT_PORT, 0),
                env.optional(TOKEN_VARIABLE));
    }

    /** Whether only this machine can connect: a loopback address or {@code localhost}. */
    public boolean loopbackOnly() {
        return ServerSettings.isLoopback(host);
    }

    @Override
    public String toString() {
        return "ManagementSettings[host=" + host + ", port=" + port + ", token=" + (token.isPresent() ? "***" : "unset")
                + "]";
    }
}
