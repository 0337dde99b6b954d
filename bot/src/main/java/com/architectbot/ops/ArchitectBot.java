package com.architectbot.ops;

import com.architectbot.consultation.ConsultationService;
import com.architectbot.consultation.llm.LangChainArchitect;
import com.architectbot.consultation.llm.LicenceCheckTool;
import com.architectbot.conversation.redis.RedisConversationRecords;
import com.architectbot.conversation.redis.RedisThreadLocks;
import com.architectbot.conversation.redis.RedisThreadMemory;
import com.architectbot.core.FileSources;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryHandler;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.Reply;
import com.architectbot.core.TenantControls;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.licence.redis.CachedLicenceRegistry;
import com.architectbot.licence.source.PackageSpecs;
import com.architectbot.licence.source.Registries;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.Repliers;
import com.architectbot.queue.redis.QueueGauges;
import com.architectbot.queue.redis.RedisAnsweredMarks;
import com.architectbot.queue.redis.RedisDeadLetters;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.queue.redis.RedisStreamQueue;
import com.architectbot.redis.RedisConnection;
import com.architectbot.redis.ValueCipher;
import com.architectbot.server.BotServer;
import com.architectbot.server.Channel;
import com.architectbot.server.ManagementServer;
import com.architectbot.slack.SlackChannel;
import com.architectbot.slack.redis.RecentThreads;
import com.architectbot.slack.redis.SlackStores;
import com.architectbot.teams.TeamsChannel;
import com.architectbot.teams.redis.RedisPendingExports;
import com.architectbot.tenancy.Tenancy;
import com.architectbot.tenancy.redis.RedisAuditLog;
import com.architectbot.tenancy.redis.RedisTenantProfiles;
import com.architectbot.tenancy.redis.RedisUsageMeter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part from the configuration, and owns their lifecycle. */
public final class ArchitectBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchitectBot.class);
    /** One clock for every timestamp the bot writes (turns, audit, usage windows, queue ages). */
    private static final Clock CLOCK = Clock.systemUTC();

    private final BotConfig config;
    private final RedisConnection redis;
    private final InquiryHandler inquiries;
    /** The CLI's path: no plan limits, metering or tenancy commands for a local user. */
    private final InquiryHandler localInquiries;

    private final Tenancy tenancy;
    private final FileSources files = new FileSources();
    private final RedisStreamQueue queue;
    private final RedisAuditLog audit;
    private final RedisDeadLetters deadLetters;
    private final ValueCipher cipher;
    private final RedisPendingExports exports;
    private final ManifestResolver manifests;
    private final Registries registries;
    private final LicenceService licences;
    private final PrometheusMeterRegistry metrics = BotMetrics.registry();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ArchitectBot(BotConfig config, RedisConnection redis) {
        this.config = config;
        this.redis = redis;
        this.deadLetters = new RedisDeadLetters(redis.client(), config.queue(), CLOCK);
        this.queue = new RedisStreamQueue(redis.client(), config.queue(), deadLetters, CLOCK);
        this.audit = new RedisAuditLog(redis.client(), config.tenancy().auditRetention(), CLOCK);
        this.cipher = ValueCipher.load(config.encryption());
        this.exports = new RedisPendingExports(redis.client(), config.teams().exportTtl(), cipher, CLOCK);
        this.registries = new Registries(config.registries(), config.manifests().mavenCacheDir());
        this.manifests = new ManifestResolver(config.manifests(), PackageSpecs::parse);
        this.licences = new LicenceService(
                manifests, new CachedLicenceRegistry(registries, redis.client(), metrics), config.licences());
        this.tenancy = new Tenancy(
                config.tenancy(),
                new RedisUsageMeter(redis.client(), config.tenancy().usageRetention()),
                new RedisTenantProfiles(redis.client()),
                audit,
                new RedisConversationRecords(redis),
                List.of(
                        deadLetters,
                        exports,
                        new RecentThreads(redis.client(), config.slack().contextTtl(), CLOCK)),
                CLOCK);
        var consultations = new ConsultationService(
                LangChainArchitect.create(config.model(), List.of(new LicenceCheckTool(licences)), metrics),
                new RedisThreadMemory(redis, config.memory()),
                // a lock outlives a dead holder as long as its job does: both free by the time it is reclaimed
                new RedisThreadLocks(
                        redis,
                        new RedisThreadLocks.Settings(
                                config.queue().visibilityTimeout(), RedisThreadLocks.Settings.DEFAULT_POLL_INTERVAL)),
                config.consultation(),
                CLOCK);
        this.inquiries = new InquiryHandler(consultations, licences, files, tenancy, metrics);
        this.localInquiries = new InquiryHandler(consultations, licences, files, TenantControls.NONE, metrics);
        QueueGauges.register(metrics, redis.client(), config.queue(), CLOCK);
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

    /** The licence check, for the CLI. */
    public LicenceService licences() {
        return licences;
    }

    /** The tenants' plans, usage and erasure, for the operator's {@code tenant} command. */
    public Tenancy tenancy() {
        return tenancy;
    }

    /** Answers one inquiry on the calling thread: the CLI's path through the same service. */
    public Reply answer(Inquiry inquiry) {
        return localInquiries.process(inquiry);
    }

    /** Serves until SIGTERM, then stops gracefully (see {@link Serving#close()}). */
    public void serveUntilShutdown() throws InterruptedException {
        Serving serving = serve();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            serving.close();
                            close(); // the JVM halts when this hook returns: release Redis (and stop an embedded one)
                            // here
                            stopped.countDown();
                        },
                        "graceful-shutdown"));
        stopped.await();
    }

    /**
     * Starts the workers, the HTTP server and the configured channels (a channel that is not configured is
     * absent and says so in one log line). If a channel cannot start (Slack rejects the token), everything
     * started so far is stopped again and the failure is thrown: a bot that is half up helps nobody.
     */
    public Serving serve() {
        List<Channel> channels = channels();
        Repliers repliers = new Repliers();
        channels.forEach(channel -> {
            repliers.register(channel.surface(), channel.replier());
            files.register(channel.surface(), channel.files());
        });
        JobWorkers workers = new JobWorkers(
                queue,
                new RedisAnsweredMarks(redis.client(), config.queue()),
                new RedisDeliveredParts(redis.client(), config.queue()),
                inquiries::process,
                repliers,
                config.queue(),
                metrics);
        workers.start();
        RetentionSweep sweep = RetentionSweep.start(
                RetentionSweep.INTERVAL,
                Map.of("audit entries", audit::trimExpired, "dead letters", deadLetters::trimExpired));
        BotServer server = null;
        ManagementServer management = null;
        try {
            server = BotServer.start(
                    config.server(), () -> workers.isRunning() && redis.isReachable(), channels, metrics);
            management = ManagementServer.start(config.management(), metrics);
            channels.forEach(Channel::start);
        } catch (RuntimeException e) {
            new Serving(server, management, workers, channels, sweep).close();
            throw e;
        }
        LOG.info(
                "Architect Bot is serving on port {} with {} channel(s): {}",
                server.port(),
                channels.size(),
                channels.stream().map(channel -> channel.surface().id()).toList());
        return new Serving(server, management, workers, channels, sweep);
    }

    private List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        var rules = new InquiryRules(ManifestResolver.names());
        SlackChannel.create(
                        config.slack(),
                        queue,
                        SlackStores.on(redis.client(), cipher, config.slack().contextTtl()),
                        rules,
                        tenancy)
                .ifPresent(channels::add);
        TeamsChannel.create(config.teams(), queue, rules, exports).ifPresent(channels::add);
        return List.copyOf(channels);
    }

    /** A running bot. */
    public final class Serving implements AutoCloseable {

        private final BotServer server;
        private final ManagementServer management;
        private final JobWorkers workers;
        private final List<Channel> channels;
        private final RetentionSweep sweep;

        private Serving(
                BotServer server,
                ManagementServer management,
                JobWorkers workers,
                List<Channel> channels,
                RetentionSweep sweep) {
            this.server = server;
            this.management = management;
            this.workers = workers;
            this.channels = channels;
            this.sweep = sweep;
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
                    config.server().shutdownGrace().toSeconds());
            channels.forEach(Serving::closeQuietly);
            if (server != null) {
                server.close();
            }
            if (management != null) {
                management.close();
            }
            workers.stop(config.server().shutdownGrace());
            sweep.close();
            LOG.info("Stopped");
        }

        /** One channel failing to stop must not keep the server and the workers from stopping. */
        private static void closeQuietly(Channel channel) {
            try {
                channel.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the {} channel failed: {}", channel.surface().id(), e.toString());
            }
        }
    }

    /** Idempotent: the shutdown hook and the CLI may both close the bot. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        manifests.close();
        registries.close();
        redis.close();
    }
}
