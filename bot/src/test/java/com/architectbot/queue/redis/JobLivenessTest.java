package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueFixture.LONG;
import static com.architectbot.queue.redis.QueueFixture.await;
import static com.architectbot.queue.redis.QueueFixture.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Inquiry;
import com.architectbot.core.Reply;
import com.architectbot.core.Reply.Notice;
import com.architectbot.core.Reply.Tone;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.Delivery;
import com.architectbot.queue.JobProcessor;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.QueueSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Heartbeats, deaths counted apart from failures, and errors that must not hang a job. */
class JobLivenessTest {

    /**
     * Long enough that a heartbeat (every sixth of it) or a job may run late on a busy machine without another
     * worker taking over, short enough that five of them are a quick test.
     */
    private static final Duration VISIBILITY = Duration.ofSeconds(1);

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private final RedisStreamQueue queue = fixture.queue();
    private final RecordingReplier replier = fixture.replier;

    @Test
    void heartbeats_keep_a_job_that_runs_for_many_visibility_timeouts_from_being_reclaimed() {
        // given: worker A runs a job for five of its visibility timeouts; worker B reclaims idle jobs eagerly
        AtomicInteger bRan = new AtomicInteger();
        JobProcessor slow = (inquiry, progress) -> {
            sleep(VISIBILITY.multipliedBy(5));
            return QueueFixture.answer(inquiry);
        };
        fixture.startWorkers(slow, replier, fixture.settings(4, VISIBILITY, 3));
        queue.enqueue(job("Ev1"));
        await("A to take the job", () -> fixture.pending() == 1);
        fixture.startWorkers(
                (inquiry, progress) -> {
                    bRan.incrementAndGet();
                    return QueueFixture.answer(inquiry);
                },
                replier,
                fixture.settings(4, VISIBILITY, 3));
        // when
        await("A's answer", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(bRan).hasValue(0);
        assertThat(replier.delivered()).hasSize(1);
    }

    @Test
    void job_of_a_worker_that_stopped_heartbeating_is_reclaimed_after_the_timeout_and_answered_once() {
        // given: a worker took the job and died: it never heartbeats
        queue.enqueue(job("Ev1"));
        assertThat(queue.take("dead-worker", 1, Duration.ofMillis(100))).hasSize(1);
        long died = System.nanoTime();
        // when
        Duration visibility = Duration.ofSeconds(1);
        fixture.startWorkers(QueueFixture::answer, replier, fixture.settings(4, visibility, 3));
        await("the answer", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then: not before the timeout, and once
        assertThat(Duration.ofNanos(System.nanoTime() - died)).isGreaterThanOrEqualTo(visibility);
        assertThat(replier.replies()).singleElement().isInstanceOf(Reply.Answer.class);
    }

    @Test
    void heartbeat_does_not_take_back_a_job_another_worker_reclaimed() {
        // given: the job was reclaimed from a worker presumed dead
        queue.enqueue(job("Ev1"));
        List<Delivery> first = queue.take("presumed-dead", 1, Duration.ofMillis(100));
        List<Delivery> reclaimed = queue.reclaim("alive", Duration.ZERO, 1);
        // when: the first worker wakes up and heartbeats, and so does the one that reclaimed it
        List<String> staleLost = queue.heartbeat("presumed-dead", first);
        List<String> liveLost = queue.heartbeat("alive", reclaimed);
        // then
        assertThat(staleLost).containsExactly(first.get(0).entryId());
        assertThat(liveLost).isEmpty();
        assertThat(fixture.redis
                        .xpending(fixture.keys.stream(), QueueKeys.GROUP)
                        .getConsumerMessageCount())
                .containsOnlyKeys("alive");
    }

    @Test
    void a_worker_whose_job_was_reclaimed_is_stopped_and_posts_nothing_more() {
        // given: worker A is stalled in its job; meanwhile another worker reclaims it, as after a long pause
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        JobProcessor stalled = (inquiry, progress) -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                throw new RetryableFailure("model call interrupted");
            }
            return QueueFixture.answer(inquiry); // what a worker nobody stopped would go on to post
        };
        // beats every half second; reclaims only once, at its start, so never takes the job back from the thief
        QueueSettings beatingOnly = fixture.fast()
                .visibilityTimeout(Duration.ofSeconds(3))
                .reclaimInterval(LONG)
                .build();
        JobWorkers a = fixture.startWorkers(stalled, replier, beatingOnly);
        queue.enqueue(job("Ev1"));
        await("A to start", () -> started.getCount() == 0);
        assertThat(queue.reclaim("thief", Duration.ZERO, 1)).hasSize(1);
        // when: A's next heartbeat finds the job is no longer A's
        await("A's job to be interrupted", interrupted::get);
        // then: A posts nothing, counts no failure, and leaves the job with its new owner
        a.stop(Duration.ofSeconds(5)); // waits for A's job to end
        assertThat(replier.delivered()).isEmpty();
        assertThat(fixture.redis.exists(
                        fixture.keys.failures(job("Ev1").inquiry().id())))
                .isFalse();
        assertThat(pendingOwners()).containsExactly("thief");
    }

    private java.util.Set<String> pendingOwners() {
        return fixture.redis
                .xpending(fixture.keys.stream(), QueueKeys.GROUP)
                .getConsumerMessageCount()
                .keySet();
    }

    @Test
    void rescheduling_a_failed_job_does_not_take_back_a_job_another_worker_reclaimed() {
        // given: the job was reclaimed from a worker presumed dead, whose attempt then failed
        queue.enqueue(job("Ev1"));
        List<Delivery> first = queue.take("presumed-dead", 1, Duration.ofMillis(100));
        assertThat(queue.reclaim("alive", Duration.ZERO, 1)).hasSize(1);
        // when
        queue.retryAfter("presumed-dead", first.get(0), Duration.ZERO);
        // then
        assertThat(pendingOwners()).containsExactly("alive");
    }

    @Test
    void a_job_whose_workers_died_more_often_than_it_may_fail_is_still_answered() {
        // given: two workers took the job in turn and died; then it fails once on its own
        queue.enqueue(job("Ev1"));
        queue.take("dead-1", 1, Duration.ofMillis(100));
        queue.reclaim("dead-2", Duration.ZERO, 1);
        AtomicInteger attempts = new AtomicInteger();
        JobProcessor flakyOnce = (inquiry, progress) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RetryableFailure("model rate limited");
            }
            return QueueFixture.answer(inquiry);
        };
        // when: at most two failures, three orphanings
        fixture.startWorkers(flakyOnce, replier, fixture.settings(4, VISIBILITY, 2, 3, QueueSettings.DEFAULT_DEADLINE));
        await("the answer", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then: four deliveries, but only one failure the job caused
        assertThat(attempts).hasValue(2);
        assertThat(replier.replies()).singleElement().isInstanceOf(Reply.Answer.class);
        assertThat(fixture.deadLetters()).isEmpty();
    }

    @Test
    void a_job_that_kills_every_worker_is_dead_lettered_after_the_maximum_orphanings_with_one_apology() {
        // given: three workers in turn took the job and died
        queue.enqueue(job("Ev1"));
        queue.take("dead-1", 1, Duration.ofMillis(100));
        queue.reclaim("dead-2", Duration.ZERO, 1);
        queue.reclaim("dead-3", Duration.ZERO, 1);
        AtomicInteger ran = new AtomicInteger();
        // when: three orphanings are the most allowed
        fixture.startWorkers(
                (inquiry, progress) -> {
                    ran.incrementAndGet();
                    return QueueFixture.answer(inquiry);
                },
                replier,
                fixture.settings(4, VISIBILITY, 3, 3, QueueSettings.DEFAULT_DEADLINE));
        await("the job to be dead-lettered", () -> !fixture.deadLetters().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(ran).hasValue(0);
        assertThat(replier.replies())
                .singleElement()
                .isInstanceOfSatisfying(
                        Notice.class, notice -> assertThat(notice.tone()).isEqualTo(Tone.FAILED));
        assertThat(fixture.deadLetters().get(0).getFields().get("reason")).contains("stopped mid-job 3 times");
    }

    @Test
    void stack_overflow_in_a_job_is_one_apology_at_once_not_a_hang_or_a_retry() {
        // given
        AtomicInteger ran = new AtomicInteger();
        JobProcessor overflowing = (inquiry, progress) -> {
            ran.incrementAndGet();
            return recurse(inquiry);
        };
        // when
        fixture.startWorkers(overflowing, replier, fixture.settings(4, LONG, 3));
        queue.enqueue(job("Ev1"));
        await("the apology", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(ran).hasValue(1);
        assertThat(replier.replies()).singleElement().isInstanceOfSatisfying(Notice.class, notice -> {
            assertThat(notice.tone()).isEqualTo(Tone.FAILED);
            assertThat(notice.text()).startsWith("Sorry").doesNotContain("StackOverflow");
        });
        assertThat(fixture.deadLetters())
                .singleElement()
                .satisfies(entry -> assertThat(entry.getFields().get("reason")).contains("StackOverflowError"));
        assertThat(fixture.streamLength()).isZero();
    }

    private static Reply recurse(Inquiry inquiry) {
        return recurse(inquiry);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted");
        }
    }
}
