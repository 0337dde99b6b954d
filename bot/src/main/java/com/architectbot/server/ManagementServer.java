package com.architectbot.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener: {@code GET /metrics} in the Prometheus text format, on its own port so that the
 * public port (the one Slack, Teams and the internet reach) never shows the bot's internals. With
 * {@code METRICS_TOKEN} set, a scrape without {@code Authorization: Bearer <token>} gets 401.
 */
public final class ManagementServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    /** The Prometheus text exposition format that {@link PrometheusMeterRegistry#scrape()} writes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final String BEARER = "Bearer ";

    private final Javalin app;

    private ManagementServer(Javalin app) {
        this.app = app;
    }

    public static ManagementServer start(ManagementSettings settings, PrometheusMeterRegistry metrics) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.routes.get("/metrics", ctx -> scrape(ctx, settings.token(), metrics));
            config.routes.error(404, "*", ctx -> ctx.json(Map.of("error", "no such endpoint: " + ctx.path())));
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the management listener could not start on " + settings.host() + ":"
                            + settings.port() + " (is the port taken? set " + ManagementSettings.PORT_VARIABLE
                            + " to another port, or " + ManagementSettings.HOST_VARIABLE + " to another address)",
                    e);
        }
        if (!settings.loopbackOnly() && settings.token().isEmpty()) {
            LOG.warn(
                    "/metrics is served on {}:{} without {}: anyone who can reach that address can read it; keep the "
                            + "port off the public network or set the token",
                    settings.host(),
                    app.port(),
                    ManagementSettings.TOKEN_VARIABLE);
        }
        LOG.info("Management listener (GET /metrics) on {}:{}", settings.host(), app.port());
        return new ManagementServer(app);
    }

    private static void scrape(Context ctx, Optional<String> token, PrometheusMeterRegistry metrics) {
        if (token.isPresent() && !presents(ctx.header(Header.AUTHORIZATION), token.get())) {
            ctx.status(HttpStatus.UNAUTHORIZED)
                    .header(Header.WWW_AUTHENTICATE, "Bearer")
                    .json(Map.of("error", "send Authorization: Bearer <METRICS_TOKEN>"));
            return;
        }
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }

    /** Constant-time, so the time to answer says nothing about how much of a guess was right. */
    private static boolean presents(String authorization, String token) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        return MessageDigest.isEqual(
                authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
