package com.architectbot.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's public HTTP server: probes plus each channel's routes ({@code /metrics} is on the management
 * listener, see {@link ManagementServer}). Exceptions are mapped to responses here and only here: callers
 * get a status and a short JSON reason, never a stack trace. A request body must arrive within
 * {@link ServerSettings#bodyDeadline()} ({@link BodyDeadline}), or the request is answered 408; one declared larger
 * than {@link ServerSettings#MAX_REQUEST_BYTES} is answered 413 ({@link OversizedBody}).
 */
public final class BotServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);

    private final Javalin app;

    private BotServer(Javalin app) {
        this.app = app;
    }

    /**
     * @param ready whether the bot can take work (Redis answers); {@code /ready} says 503 otherwise, so
     *     a load balancer sends traffic elsewhere while Redis is away
     * @param metrics every request is timed in it
     */
    public static BotServer start(
            ServerSettings settings,
            BooleanSupplier ready,
            List<? extends HttpRoutes> channels,
            PrometheusMeterRegistry metrics) {
        HttpMetrics http = new HttpMetrics(metrics);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = ServerSettings.MAX_REQUEST_BYTES;
            config.jetty.modifyServer(server -> server.setHandler(bodyLimits(settings)));
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
            config.routes.get("/ready", ctx -> readiness(ctx, ready));
            config.requestLogger.http(http::record);
            channels.forEach(channel -> channel.addTo(config.routes));
            config.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error"));
            });
            config.routes.error(404, "*", ctx -> ctx.json(Map.of("error", "no such endpoint: " + ctx.path())));
        });
        app.start(settings.host(), settings.port());
        return new BotServer(app);
    }

    /** Javalin's handler goes innermost: a body is timed, then refused if declared too large, then read. */
    private static BodyDeadline bodyLimits(ServerSettings settings) {
        BodyDeadline deadline = new BodyDeadline(settings.bodyDeadline());
        deadline.setHandler(new OversizedBody(ServerSettings.MAX_REQUEST_BYTES, ServerSettings.MAX_DRAINED_BYTES));
        return deadline;
    }

    private static void readiness(Context ctx, BooleanSupplier ready) {
        if (ready.getAsBoolean()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("status", "not ready", "reason", "Redis is unreachable"));
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
