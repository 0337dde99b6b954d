package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueFixture.await;
import static com.architectbot.queue.redis.QueueFixture.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.JobPipeline;
import com.architectbot.queue.JobProcessor;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.QueueSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobErrorMetricsTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private final RecordingReplier replier = fixture.replier;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void failed_attempts_are_counted_by_cause_and_outcome() {
        // given: a model timeout on the first attempt, a refusal on the second
        AtomicInteger attempts = new AtomicInteger();
        JobProcessor failing = (inquiry, progress) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RetryableFailure("model call timed out", new TimeoutException("60 s"));
            }
            throw new PermanentFailure("The model provider declined to answer this question.");
        };
        QueueSettings settings = fixture.settings();
        JobWorkers workers = new JobWorkers(
                        new JobPipeline(
                                QueueFixture.queue(fixture.redis, settings, Clock.systemUTC()),
                                new RedisAnsweredMarks(fixture.redis, settings),
                                new RedisDeliveredParts(fixture.redis, settings),
                                failing,
                                replier),
                        settings,
                        metrics)
                .start();
        try {
            // when
            fixture.queue().enqueue(job("Ev1"));
            await("the rejection", () -> replier.delivered().size() == 1);
        } finally {
            workers.stop(Duration.ofSeconds(5));
        }
        // then
        assertThat(count("architect.job.errors", "cause", "timeout")).isEqualTo(1);
        assertThat(count("architect.job.errors", "cause", "permanent")).isEqualTo(1);
        assertThat(count("architect.jobs", "outcome", "retried")).isEqualTo(1);
        assertThat(count("architect.jobs", "outcome", "rejected")).isEqualTo(1);
    }

    private double count(String name, String tag, String value) {
        return metrics.get(name).tag(tag, value).counter().count();
    }
}
