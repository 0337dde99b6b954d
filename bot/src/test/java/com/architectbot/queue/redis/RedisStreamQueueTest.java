package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.QueueFixture.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.InquiryId;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.Delivery;
import com.architectbot.queue.Job;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.TestQueueSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/** The Redis Stream queue on its own: format, deduplication, failures. */
class RedisStreamQueueTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private final RedisStreamQueue queue = fixture.queue();

    @Test
    void job_queued_before_any_worker_started_is_handed_out_intact() {
        // given
        Job job = job("Ev1");
        queue.enqueue(job);
        // when
        List<Delivery> taken = queue.take("worker-1", 10, Duration.ofMillis(100));
        // then
        assertThat(taken).singleElement().satisfies(delivery -> {
            assertThat(delivery.job()).isEqualTo(job);
            assertThat(delivery.job().inquiry().text()).isEqualTo(job.inquiry().text());
            assertThat(delivery.attempt()).isEqualTo(1);
        });
        assertThat(fixture.pending()).isEqualTo(1);
    }

    @Test
    void writes_that_wait_for_a_replica_still_succeed_on_a_redis_without_one() {
        // given: settings asking one replica to acknowledge; the test Redis has none
        QueueSettings waiting =
                TestQueueSettings.from(fixture.settings()).replicaAcks(1).build();
        RedisStreamQueue waitingQueue = QueueFixture.queue(fixture.redis, waiting, Clock.systemUTC());
        RedisAnsweredMarks marks = new RedisAnsweredMarks(fixture.redis, waiting);
        // when
        long start = System.nanoTime();
        boolean queued = waitingQueue.enqueue(job("Ev1"));
        marks.markAnswered(new InquiryId("slack:Ev1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // then: both written, each after waiting its bounded time for the missing replica
        assertThat(queued).isTrue();
        assertThat(fixture.streamLength()).isEqualTo(1);
        assertThat(marks.isAnswered(new InquiryId("slack:Ev1"))).isTrue();
        assertThat(took).isGreaterThanOrEqualTo(ReplicaAcks.TIMEOUT.multipliedBy(2));
    }

    @Test
    void redelivered_inquiry_is_not_queued_again() {
        // when
        boolean first = queue.enqueue(job("Ev1"));
        boolean again = queue.enqueue(job("Ev1"));
        boolean other = queue.enqueue(job("Ev2"));
        // then
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(other).isTrue();
        assertThat(fixture.streamLength()).isEqualTo(2);
        assertThat(fixture.redis.ttl(fixture.keys.enqueued(job("Ev1").inquiry().id())))
                .isGreaterThan(QueueFixture.LONG.toSeconds() - 60);
    }

    @Test
    void reclaimed_job_counts_the_takeover_as_another_attempt() {
        // given
        queue.enqueue(job("Ev1"));
        queue.take("worker-1", 1, Duration.ofMillis(100));
        // when
        List<Delivery> reclaimed = queue.reclaim("worker-2", Duration.ZERO, 10);
        // then
        assertThat(reclaimed)
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.attempt()).isEqualTo(2));
    }

    @Test
    void acknowledged_job_leaves_neither_pending_entry_nor_stream_entry() {
        // given
        queue.enqueue(job("Ev1"));
        Delivery delivery = queue.take("worker-1", 1, Duration.ofMillis(100)).get(0);
        // when
        queue.acknowledge(delivery);
        // then
        assertThat(fixture.pending()).isZero();
        assertThat(fixture.streamLength()).isZero();
    }

    @Test
    void queueing_trims_entries_older_than_twice_the_deadline_and_keeps_recent_ones() {
        // given: 250 entries queued long ago, then a job queued now
        for (int i = 1; i <= 250; i++) {
            fixture.redis.xadd(fixture.keys.stream(), new StreamEntryID(1000, i), Map.of("job", "old"));
        }
        queue.enqueue(job("Ev1"));
        // when
        queue.enqueue(job("Ev2"));
        // then: whole nodes of old entries are gone (trimming is approximate); both recent jobs stay
        assertThat(fixture.streamLength()).isLessThanOrEqualTo(100);
        assertThat(queue.take("worker-1", 500, Duration.ofMillis(100)).stream()
                        .map(delivery -> delivery.job().inquiry().id().value()))
                .containsExactly("slack:Ev1", "slack:Ev2");
    }

    @Test
    void entries_queued_within_twice_the_deadline_are_never_trimmed() {
        // given: 250 entries queued just inside the retention
        long recent = System.currentTimeMillis() - fixture.settings().deadline().toMillis();
        for (int i = 1; i <= 250; i++) {
            fixture.redis.xadd(fixture.keys.stream(), new StreamEntryID(recent, i), Map.of("job", "recent"));
        }
        // when
        queue.enqueue(job("Ev1"));
        // then
        assertThat(fixture.streamLength()).isEqualTo(251);
    }

    @Test
    void unreadable_entry_is_moved_to_the_dead_letter_stream_and_not_handed_out() {
        // given: an entry no version of the bot wrote
        fixture.redis.xadd(fixture.keys.stream(), StreamEntryID.NEW_ENTRY, Map.of("job", "{not json"));
        queue.enqueue(job("Ev1"));
        // when
        List<Delivery> taken = queue.take("worker-1", 10, Duration.ofMillis(100));
        // then
        assertThat(taken)
                .extracting(delivery -> delivery.job().inquiry().id().value())
                .containsExactly("slack:Ev1");
        assertThat(fixture.deadLetters()).singleElement().satisfies(entry -> {
            assertThat(entry.getFields()).doesNotContainKey("job").doesNotContainValue("{not json");
            assertThat(entry.getFields().get("reason")).contains("unreadable");
        });
        assertThat(fixture.pending()).isEqualTo(1);
    }

    @Test
    void unreachable_redis_is_a_retryable_failure() throws IOException {
        // given: a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (UnifiedJedis nowhere = RedisClient.create("redis://127.0.0.1:" + port)) {
            RedisStreamQueue unreachable = QueueFixture.queue(nowhere, fixture.settings(), Clock.systemUTC());
            // when / then
            assertThatThrownBy(() -> unreachable.enqueue(job("Ev1")))
                    .isInstanceOf(RetryableFailure.class)
                    .hasMessageContaining("slack:Ev1");
            assertThatThrownBy(() -> unreachable.take("worker-1", 1, Duration.ofMillis(100)))
                    .isInstanceOf(RetryableFailure.class);
        }
    }
}
