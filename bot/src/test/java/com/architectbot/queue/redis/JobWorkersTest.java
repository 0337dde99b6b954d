package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueFixture.LONG;
import static com.architectbot.queue.redis.QueueFixture.SHORT_VISIBILITY;
import static com.architectbot.queue.redis.QueueFixture.await;
import static com.architectbot.queue.redis.QueueFixture.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryId;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.Reply.Notice;
import com.architectbot.core.Reply.Tone;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.Delivery;
import com.architectbot.queue.Job;
import com.architectbot.queue.JobPipeline;
import com.architectbot.queue.JobProcessor;
import com.architectbot.queue.JobWorkers;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** The workers over a real Redis stream, each test on its own keys. */
class JobWorkersTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private final RedisStreamQueue queue = fixture.queue();
    private final RecordingReplier replier = fixture.replier;

    @Test
    void queued_job_is_answered_once_and_acknowledged() {
        // given
        Job job = job("Ev1");
        queue.enqueue(job);
        // when
        JobWorkers workers = fixture.startWorkers(QueueFixture::answer, replier, fixture.settings());
        await("the answer", () -> !replier.delivered().isEmpty());
        workers.stop(Duration.ofSeconds(5));
        // then
        assertThat(replier.delivered()).singleElement().satisfies(delivered -> {
            assertThat(delivered.target()).isEqualTo(job.replyTo());
            assertThat(delivered.reply()).isEqualTo(QueueFixture.answer(job.inquiry()));
        });
        assertThat(fixture.pending()).isZero();
        assertThat(fixture.streamLength()).isZero();
    }

    @Test
    void redelivered_inquiry_is_queued_and_answered_once() {
        // given
        JobWorkers workers = fixture.startWorkers(QueueFixture::answer, replier, fixture.settings());
        // when
        boolean first = queue.enqueue(job("Ev1"));
        boolean redelivery = queue.enqueue(job("Ev1"));
        await("the answer", () -> !replier.delivered().isEmpty());
        workers.stop(Duration.ofSeconds(5));
        // then
        assertThat(first).isTrue();
        assertThat(redelivery).isFalse();
        assertThat(replier.delivered()).hasSize(1);
        assertThat(fixture.pending()).isZero();
    }

    @Test
    void job_of_a_hung_worker_is_reclaimed_and_answered_once_even_when_the_worker_wakes_up() {
        // given: worker A hangs on the job until released
        CountDownLatch wakeUp = new CountDownLatch(1);
        CountDownLatch aStarted = new CountDownLatch(1);
        JobProcessor hanging = (inquiry, progress) -> {
            aStarted.countDown();
            awaitUninterruptibly(wakeUp);
            return QueueFixture.answer(inquiry);
        };
        JobWorkers a = fixture.startWorkers(hanging, replier, fixture.settings(4, LONG, 3));
        queue.enqueue(job("Ev1"));
        awaitUninterruptibly(aStarted);
        // when: B reclaims it once it has been idle past B's visibility timeout, and then A wakes up
        fixture.startWorkers(QueueFixture::answer, replier, fixture.settings(4, SHORT_VISIBILITY, 3));
        await("B's answer", () -> !replier.delivered().isEmpty());
        wakeUp.countDown();
        a.stop(Duration.ofSeconds(5)); // waits for A's job to finish
        // then
        assertThat(replier.delivered()).hasSize(1);
        assertThat(fixture.pending()).isZero();
    }

    @Test
    void job_left_by_a_worker_stopped_mid_job_is_answered_by_another() {
        // given: worker A is stopped while its job hangs, so the job stays pending under A
        CountDownLatch aStarted = new CountDownLatch(1);
        JobProcessor hanging = (inquiry, progress) -> {
            aStarted.countDown();
            try {
                new CountDownLatch(1).await(); // until interrupted by stop()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new RetryableFailure("model call interrupted");
        };
        JobWorkers a = fixture.startWorkers(hanging, replier, fixture.settings(4, LONG, 3));
        queue.enqueue(job("Ev1"));
        awaitUninterruptibly(aStarted);
        a.stop(Duration.ofMillis(50));
        assertThat(fixture.pending()).isEqualTo(1);
        // when
        fixture.startWorkers(QueueFixture::answer, replier, fixture.settings(4, SHORT_VISIBILITY, 3));
        await("B's answer and acknowledgement", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(replier.replies()).singleElement().isInstanceOf(Reply.Answer.class);
    }

    @Test
    void reclaimed_job_that_was_already_answered_is_not_answered_again() {
        // given: a worker took the job, replied and marked it answered, then died before acknowledging
        queue.enqueue(job("Ev1"));
        List<Delivery> taken = queue.take("crashed-worker", 1, Duration.ofMillis(100));
        assertThat(taken).hasSize(1);
        fixture.marks().markAnswered(new InquiryId("slack:Ev1"));
        // when
        fixture.startWorkers(QueueFixture::answer, replier, fixture.settings(4, SHORT_VISIBILITY, 3));
        await("the reclaimed job to be acknowledged", () -> fixture.pending() == 0);
        // then
        assertThat(replier.delivered()).isEmpty();
        assertThat(fixture.streamLength()).isZero();
    }

    @Test
    void a_passing_failure_is_retried_soon_not_after_the_visibility_timeout() {
        // given: the first attempt fails; the visibility timeout is an hour
        AtomicInteger attempts = new AtomicInteger();
        JobProcessor flaky = (inquiry, progress) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RetryableFailure("model rate limited");
            }
            return QueueFixture.answer(inquiry);
        };
        // when
        fixture.startWorkers(flaky, replier, fixture.settings(4, LONG, 3));
        queue.enqueue(job("Ev1"));
        await("the retried job to be answered", () -> replier.delivered().size() == 1);
        // then
        assertThat(attempts).hasValue(2);
        assertThat(replier.replies()).singleElement().isInstanceOf(Reply.Answer.class);
    }

    @Test
    void retryable_failures_are_retried_then_dead_lettered_with_one_apology() {
        // given
        AtomicInteger attempts = new AtomicInteger();
        JobProcessor failing = (inquiry, progress) -> {
            attempts.incrementAndGet();
            throw new RetryableFailure("model timed out after 60000 ms");
        };
        // when
        fixture.startWorkers(failing, replier, fixture.settings(4, SHORT_VISIBILITY, 3));
        queue.enqueue(job("Ev1"));
        await("the job to be dead-lettered", () -> !fixture.deadLetters().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(attempts).hasValue(3);
        assertThat(replier.replies()).singleElement().isInstanceOfSatisfying(Notice.class, notice -> {
            assertThat(notice.tone()).isEqualTo(Tone.FAILED);
            assertThat(notice.text()).contains("after 3 attempts").contains("few minutes");
        });
        assertThat(fixture.deadLetters()).singleElement().satisfies(entry -> {
            assertThat(entry.getFields()).containsEntry("attempts", "3");
            assertThat(entry.getFields().get("reason")).contains("model timed out");
            assertThat(entry.getFields()).containsEntry("inquiry", "slack:Ev1").doesNotContainKey("job");
        });
        assertThat(fixture.streamLength()).isZero();
    }

    @Test
    void permanent_failure_tells_the_user_why_as_a_rejected_notice() {
        // given
        JobProcessor rejecting = (inquiry, progress) -> {
            throw new PermanentFailure(
                    "I can only check npm, Maven and PyPI packages.", "unknown ecosystem 'cargo'", null);
        };
        // when
        fixture.startWorkers(rejecting, replier, fixture.settings());
        queue.enqueue(job("Ev1"));
        await("the notice", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(replier.replies())
                .containsExactly(new Notice(Tone.REJECTED, "I can only check npm, Maven and PyPI packages."));
        assertThat(fixture.deadLetters()).isEmpty();
    }

    @Test
    void no_more_jobs_run_at_once_than_the_concurrency() {
        // given: jobs that run until the test lets one finish
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Semaphore finish = new Semaphore(0);
        JobProcessor slow = (inquiry, progress) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            QueueFixture.await("the test to let a job finish", finish::tryAcquire);
            running.decrementAndGet();
            return QueueFixture.answer(inquiry);
        };
        for (int i = 1; i <= 5; i++) {
            queue.enqueue(job("Ev" + i));
        }
        // when
        fixture.startWorkers(slow, replier, fixture.settings(2, LONG, 3));
        for (int done = 0; done < 5; done++) {
            int expectedRunning = Math.min(2, 5 - done);
            await(expectedRunning + " jobs running", () -> running.get() == expectedRunning);
            finish.release();
            int delivered = done + 1;
            await(delivered + " answers", () -> replier.delivered().size() == delivered);
        }
        // then
        assertThat(mostAtOnce).hasValue(2);
        assertThat(replier.delivered()).hasSize(5);
    }

    @Test
    void stop_finishes_the_job_in_flight_and_takes_no_new_ones() throws Exception {
        // given: a job in flight
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        JobProcessor slow = (inquiry, progress) -> {
            started.countDown();
            awaitUninterruptibly(finish);
            return QueueFixture.answer(inquiry);
        };
        JobWorkers workers = fixture.startWorkers(slow, replier, fixture.settings());
        queue.enqueue(job("Ev1"));
        awaitUninterruptibly(started);
        // when: stopping begins, then the job finishes within the grace period
        Thread stopper = Thread.ofVirtual().start(() -> workers.stop(Duration.ofSeconds(10)));
        await("stopping", () -> !workers.isRunning());
        finish.countDown();
        stopper.join();
        queue.enqueue(job("Ev2"));
        // then: the job in flight was answered; the new one waits for another worker
        assertThat(replier.delivered()).hasSize(1);
        assertThat(fixture.pending()).isZero();
        RecordingReplier other = new RecordingReplier();
        fixture.startWorkers(QueueFixture::answer, other, fixture.settings());
        await("the other worker's answer", () -> !other.delivered().isEmpty());
        assertThat(replier.delivered()).hasSize(1);
    }

    @Test
    void workers_keep_going_through_a_redis_outage() {
        try (LoopbackProxy proxy = new LoopbackProxy(TestRedis.uri());
                UnifiedJedis throughProxy = RedisClient.create(proxy.uri())) {
            // given: workers that reach Redis through a connection that is about to break
            JobWorkers workers = new JobWorkers(
                    new JobPipeline(
                            QueueFixture.queue(throughProxy, fixture.settings(), Clock.systemUTC()),
                            new RedisAnsweredMarks(throughProxy, fixture.settings()),
                            new RedisDeliveredParts(throughProxy, fixture.settings()),
                            QueueFixture::answer,
                            replier),
                    fixture.settings(),
                    new SimpleMeterRegistry());
            workers.start();
            try {
                queue.enqueue(job("Ev1"));
                await("the answer before the outage", () -> replier.delivered().size() == 1);
                // when: Redis is away for a few retries, then back
                proxy.goDown();
                await("the workers to retry", () -> proxy.refused() >= 3);
                proxy.comeBack();
                queue.enqueue(job("Ev2"));
                // then
                await("the answer after the outage", () -> replier.delivered().size() == 2);
                assertThat(workers.isRunning()).isTrue();
            } finally {
                workers.stop(Duration.ofSeconds(2));
            }
        }
    }

    /** Waits for the latch, ignoring interrupts (a hung model call), but no longer than a test may take. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        QueueFixture.await("a latch", () -> {
            try {
                return latch.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        });
    }
}
