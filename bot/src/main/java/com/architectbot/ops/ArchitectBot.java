package com.architectbot.ops;

import com.architectbot.core.Inquiry;
import com.architectbot.core.Reply;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.licence.LicenceService;
import com.architectbot.queue.JobWorkers;
import com.architectbot.redis.RedisConnection;
import com.architectbot.tenancy.Tenancy;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root's start-up sequence. Opening builds, in this order: the Redis connection, the store and
 * queue ({@link BotStores}), the features ({@link BotFeatures}). Serving then builds the channels
 * ({@link BotChannels}), starts the workers and the retention sweep, and last the servers and the channels
 * ({@link Serving}). Closing releases what opening built.
 */
public final class ArchitectBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchitectBot.class);
    /** One clock for every timestamp the bot writes (turns, audit, usage windows, queue ages). */
    private static final Clock CLOCK = Clock.systemUTC();

    private final BotConfig config;
    private final PrometheusMeterRegistry metrics = BotMetrics.registry();
    private final BotStores stores;
    private final BotFeatures features;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ArchitectBot(BotConfig config, RedisConnection redis) {
        this.config = config;
        this.stores = BotStores.on(redis, config, CLOCK, metrics);
        this.features = BotFeatures.build(config, stores, CLOCK, metrics);
    }

    public static ArchitectBot open(BotConfig config) {
        config.log(LOG);
        RedisConnection redis = RedisConnection.open(config.redis());
        try {
            return new ArchitectBot(config, redis);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** The licence check as the bot wires it, caches included: what chat and the agent's tool reach. */
    public LicenceService licences() {
        return features.licence().licences();
    }

    /** The tenants' plans, usage and erasure, for the operator's {@code tenant} command. */
    public Tenancy tenancy() {
        return features.tenancy();
    }

    /** Answers one inquiry on the calling thread: the CLI's path through the same service. */
    public Reply answer(Inquiry inquiry) {
        return answer(inquiry, AnswerProgress.NONE);
    }

    /** Answers one inquiry on the calling thread, reporting a consultation's answer to {@code progress} as it is written. */
    public Reply answer(Inquiry inquiry, AnswerProgress progress) {
        return features.localInquiries().process(inquiry, progress);
    }

    /**
     * Starts the workers, the HTTP server and the configured channels; see {@link Serving#start} for what
     * happens when one of them cannot start.
     */
    public Serving serve() {
        BotChannels channels = BotChannels.create(config, stores, features);
        JobWorkers workers = stores.workers(features.inquiries()::process, channels.repliers(), metrics);
        workers.start();
        RetentionSweep sweep = RetentionSweep.start(RetentionSweep.INTERVAL, stores.expiring());
        Serving serving = Serving.start(
                config, channels, workers, sweep, () -> workers.isRunning() && stores.isReachable(), metrics);
        LOG.info(
                "Architect Bot is serving on port {} with {} channel(s): {}",
                serving.port(),
                channels.all().size(),
                channels.names());
        return serving;
    }

    /** Serves until SIGTERM, then stops gracefully (see {@link Serving#close()}). */
    public void serveUntilShutdown() throws InterruptedException {
        Serving serving = serve();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable shutdown = () -> {
            serving.close();
            close(); // the JVM halts when this hook returns: release Redis (and stop an embedded one) here
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "graceful-shutdown"));
        stopped.await();
    }

    /** Idempotent: the shutdown hook and the CLI may both close the bot. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        features.close();
        stores.redis().close();
    }
}
