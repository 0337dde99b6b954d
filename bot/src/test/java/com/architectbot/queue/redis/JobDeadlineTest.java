package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueFixture.LONG;
import static com.architectbot.queue.redis.QueueFixture.await;
import static com.architectbot.queue.redis.QueueFixture.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.consultation.llm.ChatModels;
import com.architectbot.consultation.llm.LangChainArchitect;
import com.architectbot.core.Deadline;
import com.architectbot.core.DeadlineExceeded;
import com.architectbot.core.Reply;
import com.architectbot.core.Reply.Notice;
import com.architectbot.core.Reply.Tone;
import com.architectbot.core.TenantPreferences;
import com.architectbot.queue.JobProcessor;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.Replier;
import com.architectbot.testing.FakeOpenAi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One deadline per job, from queueing to reply; past it the user gets one apology. */
class JobDeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);

    private final QueueFixture fixture = new QueueFixture();
    private final RedisStreamQueue queue = fixture.queue();
    private final RecordingReplier replier = new RecordingReplier();
    private final FakeOpenAi model = FakeOpenAi.start();

    @AfterEach
    void tearDown() {
        fixture.close();
        model.close();
    }

    @Test
    void a_consultation_whose_model_is_slower_than_the_deadline_gets_one_apology_when_the_deadline_passes() {
        // given: the real model client on a model that takes 20 s, with a 60 s timeout and retries
        model.withLatency(Duration.ofSeconds(20));
        var architect = new LangChainArchitect(
                ChatModels.create(model.settings(Duration.ofSeconds(60), 2)),
                model.settings(Duration.ofSeconds(60), 2),
                List.of(),
                new SimpleMeterRegistry());
        JobProcessor consulting = (inquiry, progress) -> new Reply.Answer(architect
                .consult(List.of(), inquiry.text(), TenantPreferences.DEFAULTS)
                .answer());
        // when
        long start = System.nanoTime();
        // a deadline the model call surely starts within, even on a busy machine where the client's first call is slow
        fixture.startWorkers(
                consulting,
                replier,
                fixture.settings(4, LONG, 3, QueueSettings.DEFAULT_MAX_ORPHANINGS, Duration.ofSeconds(3)));
        queue.enqueue(job("Ev1"));
        await("the apology", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // then: cut off at the deadline, not after the model's timeout; one apology, no retry
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(model.received()).isEqualTo(1);
        assertThat(replier.replies()).singleElement().isInstanceOfSatisfying(Notice.class, notice -> {
            assertThat(notice.tone()).isEqualTo(Tone.FAILED);
            assertThat(notice.text()).contains("within 3 seconds");
        });
        assertThat(fixture.deadLetters())
                .singleElement()
                .satisfies(entry -> assertThat(entry.getFields().get("reason")).contains("deadline"));
    }

    @Test
    void a_delivery_slower_than_the_deadline_is_cut_off_with_one_apology() {
        // given: a platform that hangs on the answer, but takes the apology
        Replier hanging = (target, reply, parts) -> {
            if (reply instanceof Reply.Answer) {
                try {
                    Thread.sleep(Duration.ofSeconds(20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new com.architectbot.core.RetryableFailure("delivery interrupted", e);
                }
            }
            replier.deliver(target, reply, parts);
        };
        // when
        long start = System.nanoTime();
        fixture.startWorkers(QueueFixture::answer, hanging, settings());
        queue.enqueue(job("Ev1"));
        await("the apology", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // then: the deadline bounds delivery too
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(replier.replies())
                .singleElement()
                .isInstanceOfSatisfying(
                        Notice.class, notice -> assertThat(notice.tone()).isEqualTo(Tone.FAILED));
        assertThat(fixture.deadLetters())
                .singleElement()
                .satisfies(entry -> assertThat(entry.getFields().get("reason")).contains("deadline"));
    }

    @Test
    void a_job_whose_deadline_passed_while_it_was_queued_is_not_started_and_gets_one_apology() throws Exception {
        // given: a job queued longer ago than its deadline
        queue.enqueue(job("Ev1"));
        Thread.sleep(DEADLINE.plusMillis(200));
        AtomicInteger ran = new AtomicInteger();
        // when
        fixture.startWorkers(
                (inquiry, progress) -> {
                    ran.incrementAndGet();
                    return QueueFixture.answer(inquiry);
                },
                replier,
                settings());
        await("the apology", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(ran).hasValue(0);
        assertThat(replier.replies())
                .singleElement()
                .isInstanceOfSatisfying(
                        Notice.class, notice -> assertThat(notice.tone()).isEqualTo(Tone.FAILED));
    }

    @Test
    void an_answer_ready_before_the_deadline_is_delivered_and_leaves_no_interrupt_behind() {
        // given
        AtomicBoolean interruptedAfter = new AtomicBoolean(true);
        JobProcessor quick = QueueFixture::answer;
        Replier checking = (target, reply, parts) -> {
            interruptedAfter.set(Thread.currentThread().isInterrupted());
            replier.deliver(target, reply, parts);
        };
        // when
        fixture.startWorkers(quick, checking, settings());
        queue.enqueue(job("Ev1"));
        await("the answer", () -> !replier.delivered().isEmpty() && fixture.pending() == 0);
        // then
        assertThat(replier.replies()).singleElement().isInstanceOf(Reply.Answer.class);
        assertThat(interruptedAfter).isFalse();
    }

    @Test
    void the_model_client_makes_no_call_once_the_deadline_has_passed() {
        // given
        var architect = new LangChainArchitect(
                ChatModels.create(model.settings()), model.settings(), List.of(), new SimpleMeterRegistry());
        Deadline passed = new Deadline(Clock.systemUTC().instant().minusSeconds(1), Clock.systemUTC());
        // when / then
        assertThatThrownBy(() ->
                        passed.bound(() -> architect.consult(List.of(), "Kafka or Redis?", TenantPreferences.DEFAULTS)))
                .isInstanceOf(DeadlineExceeded.class)
                .hasMessageContaining("model call 1");
        assertThat(model.received()).isZero();
    }

    private QueueSettings settings() {
        return fixture.settings(4, LONG, 3, QueueSettings.DEFAULT_MAX_ORPHANINGS, DEADLINE);
    }
}
