package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueFixture.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryId;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two workers holding the same job at once (one presumed dead, still running) never both post a part. */
class PartClaimTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private final RedisDeliveredParts record = new RedisDeliveredParts(fixture.redis, fixture.settings());
    private final InquiryId id = job("EvRace").inquiry().id();
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @Test
    void two_workers_racing_for_one_part_post_it_once() throws Exception {
        // given: both workers have read the part as unsent
        var paused = new PausedAfterRead(record);
        var first = new ReplyParts(id, "answer", paused, "worker-a#1");
        var second = new ReplyParts(id, "answer", record, "worker-b#2");
        var failure = new AtomicReference<Throwable>();
        Thread slow = Thread.ofVirtual().start(() -> {
            try {
                first.once("message-1", Optional::empty, () -> post("a"));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        paused.read.await(5, TimeUnit.SECONDS);

        // when: the second claims it first, then the first goes on
        second.once("message-1", Optional::empty, () -> post("b"));
        paused.go.countDown();
        slow.join(5_000);

        // then
        assertThat(posted).containsExactly("b");
        assertThat(failure.get()).isInstanceOf(RetryableFailure.class);
        assertThat(record.state(id, "answer/message-1")).isEqualTo(new PartState.Sent("b"));
    }

    @Test
    void a_claim_fails_once_another_worker_took_the_part() {
        // given
        assertThat(record.claim(id, "answer/message-1", new PartState.Unsent(), new PartState.Sending("a#1")))
                .isTrue();

        // when / then: a second claim from unsent loses, and so does one expecting another owner
        assertThat(record.claim(id, "answer/message-1", new PartState.Unsent(), new PartState.Sending("b#2")))
                .isFalse();
        assertThat(record.claim(id, "answer/message-1", new PartState.Sending("c#1"), new PartState.Sending("b#2")))
                .isFalse();
        assertThat(record.state(id, "answer/message-1")).isEqualTo(new PartState.Sending("a#1"));
    }

    private String post(String by) {
        posted.add(by);
        return by;
    }

    /** A record whose reader pauses between reading a part and claiming it, as a long GC pause would. */
    private static final class PausedAfterRead implements DeliveredParts {
        final CountDownLatch read = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        private final DeliveredParts record;

        PausedAfterRead(DeliveredParts record) {
            this.record = record;
        }

        @Override
        public PartState state(InquiryId id, String part) {
            return record.state(id, part);
        }

        @Override
        public void record(InquiryId id, String part, PartState state) {
            record.record(id, part, state);
        }

        @Override
        public boolean claim(InquiryId id, String part, PartState expected, PartState.Sending sending) {
            read.countDown();
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return record.claim(id, part, expected, sending);
        }
    }
}
