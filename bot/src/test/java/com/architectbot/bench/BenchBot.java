package com.architectbot.bench;

import com.architectbot.consultation.Architect;
import com.architectbot.consultation.llm.LangChainArchitect;
import com.architectbot.consultation.llm.LicenceCheckTool;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.ops.ArchitectBot;
import com.architectbot.ops.BotConfig;
import com.architectbot.queue.Job;
import com.architectbot.queue.JobPipeline;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.TestQueueSettings;
import com.architectbot.queue.redis.RedisAnsweredMarks;
import com.architectbot.queue.redis.RedisDeadLetters;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.queue.redis.RedisStreamQueue;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import redis.clients.jedis.UnifiedJedis;

/**
 * The bot as production wires it ({@link ArchitectBot} from a {@link BotConfig}), on the test Redis and a
 * fake model, plus the queue path: jobs enqueued on the real Redis stream, taken by {@link JobWorkers} and
 * delivered to a replier that counts each reply down on a latch.
 */
final class BenchBot implements AutoCloseable {

    /** A question with a pasted token and a password in a URL, so redaction has work to do. */
    static final String QUESTION = """
            We run a multi-tenant export service on Kubernetes (3 replicas, Postgres, Redis). Exports of large
            tenants take 20 minutes and sometimes time out. Our bot token is xoxb-123456789012-1234567890123-\
            AbCdEfGhIjKlMnOpQrStUvWx and the DB is postgres://app:s3cretpw@db.internal:5432/app. Should we move
            exports to a queue, and what must be in place before we sell this to enterprise customers?""";

    private final FakeOpenAi model;
    private final ArchitectBot bot;
    private final UnifiedJedis redis;
    private final RedisStreamQueue queue;
    private final JobWorkers workers;
    private final Map<String, Pending> waiting = new ConcurrentHashMap<>();

    /** A queued job: when it was enqueued, where its latency goes, and the latch its reply counts down. */
    private record Pending(long enqueuedNanos, Latencies latencies, CountDownLatch replied) {}

    BenchBot(FakeOpenAi model, int workerConcurrency) {
        this.model = model;
        BotConfig config = BotConfig.from(BotEnvironment.served(model)
                .with("LLM_TIMEOUT_SECONDS", "60")
                .with(QueueSettings.CONCURRENCY_VARIABLE, String.valueOf(workerConcurrency))
                .environment());
        this.bot = ArchitectBot.open(config);
        this.redis = TestRedis.client();
        QueueSettings settings = TestQueueSettings.from(config.queue())
                .keyPrefix("bench" + System.nanoTime())
                .readBlock(Duration.ofMillis(200))
                .build();
        this.queue = new RedisStreamQueue(
                redis, settings, new RedisDeadLetters(redis, settings, Clock.systemUTC()), Clock.systemUTC());
        this.workers = new JobWorkers(
                        new JobPipeline(
                                queue,
                                new RedisAnsweredMarks(redis, settings),
                                new RedisDeliveredParts(redis, settings),
                                (inquiry, progress) -> bot.answer(inquiry),
                                (target, reply, parts) -> delivered(target, reply)),
                        settings,
                        new SimpleMeterRegistry())
                .start();
    }

    /** A consultation in thread {@code thread}, with a unique id. */
    static Inquiry consultation(String id, String thread) {
        return new Inquiry(
                new InquiryId("bench:" + id),
                InquiryKind.CONSULTATION,
                new ThreadKey(Surface.SLACK, "TBENCH", "CBENCH", thread),
                "UBENCH",
                QUESTION);
    }

    /** Answers on the calling thread, as the CLI does: no queue. */
    Reply answer(Inquiry inquiry) {
        return bot.answer(inquiry);
    }

    /**
     * Enqueues the job. When its reply is delivered, the time from just before enqueueing to the delivery
     * is recorded in {@code latencies} and {@code replied} counts down.
     */
    void enqueue(Inquiry inquiry, Latencies latencies, CountDownLatch replied) {
        waiting.put(inquiry.id().value(), new Pending(System.nanoTime(), latencies, replied));
        if (!queue.enqueue(new Job(
                inquiry,
                new ReplyTarget(Surface.SLACK, Map.of("inquiry", inquiry.id().value()))))) {
            throw new IllegalStateException("duplicate inquiry id " + inquiry.id());
        }
    }

    FakeOpenAi model() {
        return model;
    }

    /** The model port alone, built as ArchitectBot builds it (with the licence tool), for the model call's share. */
    Architect architect() {
        return LangChainArchitect.create(
                model.settings(), List.of(new LicenceCheckTool(bot.licences())), new SimpleMeterRegistry());
    }

    private void delivered(ReplyTarget target, Reply reply) {
        if (!(reply instanceof Reply.Answer)) {
            throw new IllegalStateException("expected an answer, got " + reply);
        }
        Pending pending = waiting.remove(target.get("inquiry"));
        if (pending != null) {
            pending.latencies().record(System.nanoTime() - pending.enqueuedNanos());
            pending.replied().countDown();
        }
    }

    @Override
    public void close() {
        workers.stop(Duration.ofSeconds(5));
        redis.close();
        bot.close();
    }
}
