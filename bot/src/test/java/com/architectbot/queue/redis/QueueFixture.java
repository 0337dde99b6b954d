package com.architectbot.queue.redis;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.queue.Job;
import com.architectbot.queue.JobPipeline;
import com.architectbot.queue.JobProcessor;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.Replier;
import com.architectbot.queue.TestQueueSettings;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One test's queue on the shared test Redis, under its own key prefix, a replier that records what the workers
 * deliver, and the workers the test started. Register it as a JUnit extension: it stops them after each test.
 */
final class QueueFixture implements AfterEachCallback, AutoCloseable {

    static final Duration LONG = Duration.ofHours(1);
    static final Duration SHORT_VISIBILITY = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(10);

    final UnifiedJedis redis = TestRedis.client();
    final String prefix = "test-" + UUID.randomUUID();
    final QueueKeys keys = new QueueKeys(prefix);
    final RecordingReplier replier = new RecordingReplier();
    private final List<JobWorkers> started = new ArrayList<>();

    /** Settings for tests: fast polling; a visibility timeout long enough never to fire unless asked. */
    QueueSettings settings(int concurrency, Duration visibilityTimeout, int maxAttempts) {
        return settings(
                concurrency,
                visibilityTimeout,
                maxAttempts,
                QueueSettings.DEFAULT_MAX_ORPHANINGS,
                QueueSettings.DEFAULT_DEADLINE);
    }

    QueueSettings settings(
            int concurrency, Duration visibilityTimeout, int maxAttempts, int maxOrphanings, Duration deadline) {
        return fast().concurrency(concurrency)
                .visibilityTimeout(visibilityTimeout)
                .maxAttempts(maxAttempts)
                .maxOrphanings(maxOrphanings)
                .deadline(deadline)
                .build();
    }

    /** The defaults under this test's prefix, polling, reclaiming and retrying within a tenth of a second. */
    TestQueueSettings fast() {
        return TestQueueSettings.defaults(prefix)
                .concurrency(4)
                .visibilityTimeout(LONG)
                .readBlock(Duration.ofMillis(100))
                .reclaimInterval(Duration.ofMillis(50))
                .markTtls(Duration.ofHours(1))
                .retryDelay(Duration.ofMillis(100));
    }

    QueueSettings settings() {
        return settings(4, LONG, 3);
    }

    RedisStreamQueue queue() {
        return queue(redis, settings(), Clock.systemUTC());
    }

    static RedisStreamQueue queue(UnifiedJedis redis, QueueSettings settings, Clock clock) {
        return new RedisStreamQueue(redis, settings, new RedisDeadLetters(redis, settings, clock), clock);
    }

    RedisAnsweredMarks marks() {
        return new RedisAnsweredMarks(redis, settings());
    }

    JobWorkers startWorkers(JobProcessor processor, Replier replier, QueueSettings settings) {
        JobWorkers workers = new JobWorkers(
                new JobPipeline(
                        queue(redis, settings, Clock.systemUTC()),
                        new RedisAnsweredMarks(redis, settings),
                        new RedisDeliveredParts(redis, settings),
                        processor,
                        replier),
                settings,
                new SimpleMeterRegistry());
        started.add(workers);
        return workers.start();
    }

    static Job job(String eventId) {
        InquiryId id = new InquiryId("slack:" + eventId);
        ThreadKey thread = new ThreadKey(Surface.SLACK, "T1", "C1", "1700000000.000100");
        return new Job(
                new Inquiry(id, InquiryKind.CONSULTATION, thread, "U1", "Should we shard the orders table?"),
                new ReplyTarget(Surface.SLACK, Map.of("channel", "C1", "thread_ts", "1700000000.000100")));
    }

    /** A processor that answers from the inquiry, as the core would. */
    static Reply answer(Inquiry inquiry, AnswerProgress progress) {
        return answer(inquiry);
    }

    static Reply answer(Inquiry inquiry) {
        return new Reply.Answer(new ConsultationAnswer(
                "About " + inquiry.id() + ": " + inquiry.text(), List.of(), List.of(), List.of(), List.of()));
    }

    long pending() {
        try {
            return redis.xpending(keys.stream(), QueueKeys.GROUP).getTotal();
        } catch (RuntimeException e) { // no group yet: nothing was ever taken
            return 0;
        }
    }

    long streamLength() {
        return redis.xlen(keys.stream());
    }

    List<StreamEntry> deadLetters() {
        return redis.xrange(keys.deadLetters(), "-", "+");
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(PATIENCE).pollInterval(POLL).until(condition::getAsBoolean);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        started.forEach(workers -> workers.stop(Duration.ofSeconds(2)));
        redis.close();
    }
}
