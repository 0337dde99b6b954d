package com.architectbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.redis.RedisConnection;
import com.architectbot.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisThreadLocksTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final Duration SHORT_LEASE = Duration.ofMillis(300);

    private static RedisConnection redis;

    private final ThreadKey thread = new ThreadKey(Surface.TEAMS, "T-" + UUID.randomUUID(), "19:c", "m1");
    private final RedisThreadLocks locks = new RedisThreadLocks(redis, RedisThreadLocks.Settings.defaults());

    @BeforeAll
    static void connect() {
        redis = TestRedis.connection();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void concurrent_turns_on_one_thread_run_one_at_a_time() throws Exception {
        // given: workers that each take the thread's lock several times and linger inside it
        var inside = new AtomicInteger();
        var mostInside = new AtomicInteger();
        var entries = new AtomicInteger();
        var start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                await(start);
                for (int i = 0; i < 4; i++) {
                    try (var lock = locks.acquire(thread, LONG_WAIT)) {
                        entries.incrementAndGet();
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        pause(Duration.ofMillis(15));
                        inside.decrementAndGet();
                    }
                }
            }));
        }
        // when
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        // then
        assertThat(entries).hasValue(12);
        assertThat(mostInside).hasValue(1);
    }

    @Test
    void a_lock_held_past_the_wait_gives_thread_busy() {
        // given
        try (var held = locks.acquire(thread, LONG_WAIT)) {
            // when / then
            assertThatThrownBy(() -> locks.acquire(thread, Duration.ofMillis(120)))
                    .isInstanceOf(ThreadBusyException.class)
                    .hasMessageContaining(thread.id());
        }
    }

    @Test
    void a_released_lock_can_be_taken_at_once() {
        // given
        locks.acquire(thread, LONG_WAIT).close();
        // when / then
        try (var again = locks.acquire(thread, Duration.ZERO)) {
            assertThat(redis.client().exists("ab:{" + thread.id() + "}:lock")).isTrue();
        }
        assertThat(redis.client().exists("ab:{" + thread.id() + "}:lock")).isFalse();
    }

    @Test
    void other_threads_are_not_blocked() {
        var other = new ThreadKey(thread.surface(), thread.tenant(), thread.channel(), "m2");
        try (var held = locks.acquire(thread, LONG_WAIT); var second = locks.acquire(other, Duration.ZERO)) {
            assertThat(second).isNotNull();
        }
    }

    @Test
    void a_lock_carries_its_lease_as_expiry() {
        try (var held = locks.acquire(thread, LONG_WAIT)) {
            assertThat(redis.client().pttl("ab:{" + thread.id() + "}:lock"))
                    .isPositive()
                    .isLessThanOrEqualTo(RedisThreadLocks.Settings.DEFAULT_LEASE.toMillis());
        }
    }

    @Test
    void the_lock_of_a_holder_that_never_releases_expires_after_its_lease() {
        // given: a worker that took the lock and died
        var shortLease = new RedisThreadLocks(redis, new RedisThreadLocks.Settings(SHORT_LEASE, Duration.ofMillis(20)));
        shortLease.acquire(thread, LONG_WAIT);
        assertThatThrownBy(() -> locks.acquire(thread, Duration.ZERO)).isInstanceOf(ThreadBusyException.class);
        // when / then: another worker gets it once the lease has run out
        try (var next = locks.acquire(thread, LONG_WAIT)) {
            assertThat(next).isNotNull();
        }
    }

    @Test
    void a_holder_whose_lease_ran_out_does_not_release_the_next_holders_lock() {
        // given: a slow holder whose lease expired, and a new holder
        var shortLease = new RedisThreadLocks(redis, new RedisThreadLocks.Settings(SHORT_LEASE, Duration.ofMillis(20)));
        var slow = shortLease.acquire(thread, LONG_WAIT);
        try (var current = locks.acquire(thread, LONG_WAIT)) {
            // when
            slow.close();
            // then
            assertThatThrownBy(() -> locks.acquire(thread, Duration.ZERO)).isInstanceOf(ThreadBusyException.class);
        }
    }

    @Test
    void an_interrupted_wait_gives_up_and_keeps_the_interrupt_flag() {
        // given
        try (var held = locks.acquire(thread, LONG_WAIT)) {
            Thread.currentThread().interrupt();
            // when / then
            assertThatThrownBy(() -> locks.acquire(thread, LONG_WAIT)).isInstanceOf(ThreadBusyException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
