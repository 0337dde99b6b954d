package com.architectbot.ops;

import com.architectbot.consultation.ConsultationService;
import com.architectbot.consultation.Inquiry;
import com.architectbot.consultation.InquiryHandler;
import com.architectbot.consultation.Reply;
import com.architectbot.consultation.llm.LangChainArchitect;
import com.architectbot.conversation.RedisThreadLocks;
import com.architectbot.conversation.RedisThreadMemory;
import com.architectbot.redis.RedisConnection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part from the configuration, and owns their lifecycle. */
public final class ArchitectBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchitectBot.class);

    private final BotConfig config;
    private final RedisConnection redis;
    private final InquiryHandler inquiries;

    private ArchitectBot(BotConfig config, RedisConnection redis, InquiryHandler inquiries) {
        this.config = config;
        this.redis = redis;
        this.inquiries = inquiries;
    }

    public static ArchitectBot open(BotConfig config) {
        config.log(LOG);
        RedisConnection redis = RedisConnection.open(config.redis());
        try {
            var consultations = new ConsultationService(
                    LangChainArchitect.create(config.model(), List.of()),
                    new RedisThreadMemory(redis, config.memory()),
                    new RedisThreadLocks(redis, RedisThreadLocks.Settings.defaults()),
                    config.consultation(),
                    Clock.systemUTC());
            return new ArchitectBot(config, redis, new InquiryHandler(consultations));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** Answers one inquiry on the calling thread: the CLI's path through the same service. */
    public Reply answer(Inquiry inquiry) {
        return inquiries.process(inquiry);
    }

    /** Serves HTTP and runs the workers until the process is asked to stop. */
    public void serveUntilShutdown() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (BotServer server = BotServer.start(config.server(), redis::isReachable, List.of())) {
            LOG.info("Architect Bot is serving on port {}", server.port());
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "shutdown"));
            stopped.await();
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
