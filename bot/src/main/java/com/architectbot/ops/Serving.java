package com.architectbot.ops;

import com.architectbot.queue.JobWorkers;
import com.architectbot.server.BotServer;
import com.architectbot.server.ManagementServer;
import com.architectbot.server.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot: the public HTTP server with the channels' routes, the management server ({@code /metrics}),
 * the started channels, and the workers and the retention sweep they were started after. Stops them in order.
 */
public final class Serving implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private final ServerSettings settings;
    private final BotServer server;
    private final ManagementServer management;
    private final JobWorkers workers;
    private final BotChannels channels;
    private final RetentionSweep sweep;

    private Serving(
            ServerSettings settings,
            BotServer server,
            ManagementServer management,
            JobWorkers workers,
            BotChannels channels,
            RetentionSweep sweep) {
        this.settings = settings;
        this.server = server;
        this.management = management;
        this.workers = workers;
        this.channels = channels;
        this.sweep = sweep;
    }

    /**
     * Starts the HTTP server, the management server, then the channels. If one cannot start (Slack rejects the
     * token), everything started so far, workers and sweep included, is stopped again and the failure is
     * thrown: a bot that is half up helps nobody.
     */
    static Serving start(
            BotConfig config,
            BotChannels channels,
            JobWorkers workers,
            RetentionSweep sweep,
            BooleanSupplier ready,
            PrometheusMeterRegistry metrics) {
        BotServer server = null;
        ManagementServer management = null;
        try {
            server = BotServer.start(config.server(), ready, channels.all(), metrics);
            management = ManagementServer.start(config.management(), metrics);
            channels.start();
        } catch (RuntimeException e) {
            new Serving(config.server(), server, management, workers, channels, sweep).close();
            throw e;
        }
        return new Serving(config.server(), server, management, workers, channels, sweep);
    }

    public int port() {
        return server.port();
    }

    /** The management listener's port ({@code GET /metrics}). */
    public int managementPort() {
        return management.port();
    }

    /**
     * Stops in order: no new requests, in-flight jobs finish within the grace period, and jobs left
     * unfinished stay queued for another replica to reclaim.
     */
    @Override
    public void close() {
        LOG.info(
                "Stopping: finishing in-flight jobs for up to {} s",
                settings.shutdownGrace().toSeconds());
        channels.close();
        if (server != null) {
            server.close();
        }
        if (management != null) {
            management.close();
        }
        workers.stop(settings.shutdownGrace());
        sweep.close();
        LOG.info("Stopped");
    }
}
