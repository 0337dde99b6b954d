package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueFixture.await;
import static com.architectbot.queue.redis.QueueFixture.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.JobPipeline;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.PartState;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.Replier;
import com.architectbot.queue.ReplyParts;
import com.architectbot.testing.WorkerDeath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workers deliver each reply part by part, and a job run again posts only what is not out yet. */
class JobDeliveryTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private final QueueSettings settings = fixture.settings();
    private final RedisStreamQueue queue = fixture.queue();
    private final Platform platform = new Platform();

    /**
     * A platform that shows every reply as two messages, can be searched for a message by part, and can be
     * told to refuse one part for good.
     */
    static final class Platform implements Replier {
        final List<String> posted = new CopyOnWriteArrayList<>();
        final Set<String> refused = ConcurrentHashMap.newKeySet();

        @Override
        public void deliver(ReplyTarget target, Reply reply, ReplyParts parts) {
            for (String part : List.of("message-1", "message-2")) {
                String name = parts.reply() + "/" + part;
                parts.once(part, () -> posted.contains(name) ? Optional.of(name) : Optional.empty(), () -> {
                    if (refused.contains(name)) {
                        throw new PermanentFailure("The platform refused the message.");
                    }
                    posted.add(name);
                    return name;
                });
            }
        }
    }

    private JobWorkers start(DeliveredParts parts) {
        return new JobWorkers(
                        new JobPipeline(queue, fixture.marks(), parts, QueueFixture::answer, platform),
                        settings,
                        new SimpleMeterRegistry())
                .start();
    }

    @Test
    void a_worker_that_died_between_posting_a_part_and_recording_it_is_followed_without_a_repeat() {
        // given: the first worker dies right after the platform took part 2 of the answer
        var death = new WorkerDeath(new RedisDeliveredParts(fixture.redis, settings), "answer/message-2");
        queue.enqueue(job("Ev1"));

        // when: the job is run again, as a reclaimed job is
        try (JobWorkers workers = start(death)) {
            await("the job to be done", () -> death.died() && fixture.pending() == 0);
        }

        // then
        assertThat(platform.posted).containsExactly("answer/message-1", "answer/message-2");
    }

    @Test
    void part_2_failing_for_good_does_not_post_part_1_again_and_the_user_gets_one_apology() {
        // given
        platform.refused.add("answer/message-2");
        var record = new RedisDeliveredParts(fixture.redis, settings);
        queue.enqueue(job("Ev2"));

        // when: every attempt fails on part 2, until the job is dead-lettered
        try (JobWorkers workers = start(record)) {
            await(
                    "the job to be dead-lettered",
                    () -> fixture.pending() == 0 && !fixture.deadLetters().isEmpty());
        }

        // then
        assertThat(platform.posted).containsExactly("answer/message-1", "apology/message-1", "apology/message-2");
    }

    @Test
    void a_job_delivered_in_full_whose_worker_died_before_marking_it_posts_nothing_more() {
        // given: the answer is out, but no answered mark was written
        var parts = new RedisDeliveredParts(fixture.redis, settings);
        platform.deliver(
                job("Ev3").replyTo(),
                QueueFixture.answer(job("Ev3").inquiry()),
                new ReplyParts(job("Ev3").inquiry().id(), "answer", parts));
        queue.enqueue(job("Ev3"));

        // when
        try (JobWorkers workers = start(parts)) {
            await("the job to be done", () -> fixture.pending() == 0 && fixture.streamLength() == 0);
        }

        // then
        assertThat(platform.posted).containsExactly("answer/message-1", "answer/message-2");
        assertThat(fixture.marks().isAnswered(job("Ev3").inquiry().id())).isTrue();
    }

    @Test
    void delivery_records_expire_with_the_answered_mark() {
        var parts = new RedisDeliveredParts(fixture.redis, settings);
        var id = job("Ev4").inquiry().id();

        parts.record(id, "answer/message-1", new PartState.Sent("1.2"));

        long ttl = fixture.redis.ttl(fixture.keys.parts(id));
        assertThat(ttl)
                .isPositive()
                .isLessThanOrEqualTo(settings.answeredMarkTtl().toSeconds());
        assertThat(parts.state(id, "answer/message-1")).isEqualTo(new PartState.Sent("1.2"));
        assertThat(parts.state(id, "answer/message-2")).isEqualTo(new PartState.Unsent());
    }
}
