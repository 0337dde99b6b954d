package com.architectbot.conversation.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadBusyException;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.redis.RedisConnection;
import com.architectbot.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisThreadLocksTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final Duration SHORT_LEASE = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(20);

    private static RedisConnection redis;

    private final ThreadKey thread = new ThreadKey(Surface.TEAMS, "T-" + UUID.randomUUID(), "19:c", "m1");
    private final RedisThreadLocks locks = new RedisThreadLocks(redis, RedisThreadLocks.Settings.defaults());
    /** As the replicas are set up in tests with a short visibility timeout: a dead holder's turn passes soon. */
    private final RedisThreadLocks shortLocks =
            new RedisThreadLocks(redis, new RedisThreadLocks.Settings(SHORT_LEASE, POLL));

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
            int worker = w;
            workers.add(Thread.ofVirtual().start(() -> {
                await(start);
                for (int i = 0; i < 4; i++) {
                    try (var lock = locks.acquire(thread, "inquiry-" + worker + "-" + i, LONG_WAIT)) {
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
        try (var held = locks.acquire(thread, "first", LONG_WAIT)) {
            // when / then
            assertThatThrownBy(() -> locks.acquire(thread, "second", Duration.ofMillis(120)))
                    .isInstanceOf(ThreadBusyException.class)
                    .hasMessageContaining(thread.id());
        }
    }

    @Test
    void a_released_lock_can_be_taken_at_once() {
        // given
        locks.acquire(thread, "first", LONG_WAIT).close();
        // when / then
        try (var again = locks.acquire(thread, "second", Duration.ZERO)) {
            assertThat(redis.client().get(lockKey())).isEqualTo("second");
        }
        assertThat(redis.client().exists(lockKey())).isFalse();
    }

    @Test
    void other_threads_are_not_blocked() {
        var other = new ThreadKey(thread.surface(), thread.tenant(), thread.channel(), "m2");
        try (var held = locks.acquire(thread, "first", LONG_WAIT);
                var second = locks.acquire(other, "second", Duration.ZERO)) {
            assertThat(second).isNotNull();
        }
    }

    @Test
    void a_lock_carries_its_lease_as_expiry() {
        try (var held = locks.acquire(thread, "first", LONG_WAIT)) {
            assertThat(redis.client().pttl(lockKey()))
                    .isPositive()
                    .isLessThanOrEqualTo(RedisThreadLocks.Settings.DEFAULT_LEASE.toMillis());
        }
    }

    @Test
    void a_held_lock_is_renewed_for_as_long_as_it_is_held() {
        // given: a lock with a short lease, held for several leases
        try (var held = shortLocks.acquire(thread, "slow", LONG_WAIT)) {
            pause(SHORT_LEASE.multipliedBy(4));
            // when / then
            assertThatThrownBy(() -> locks.acquire(thread, "next", Duration.ZERO))
                    .isInstanceOf(ThreadBusyException.class);
            assertThat(redis.client().get(lockKey())).isEqualTo("slow");
        }
    }

    @Test
    void the_lock_of_a_holder_that_died_expires_with_its_lease_and_the_next_holder_gets_it() {
        // given: a process took the lock and died: nobody renews it
        diedHolding("dead-inquiry");
        assertThatThrownBy(() -> locks.acquire(thread, "next", Duration.ZERO)).isInstanceOf(ThreadBusyException.class);
        long start = System.nanoTime();
        // when
        try (var next = shortLocks.acquire(thread, "next", LONG_WAIT)) {
            // then: after the lease, within the time the dead holder keeps its place in line
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(SHORT_LEASE.minus(POLL));
            assertThat(waited).isLessThan(SHORT_LEASE.multipliedBy(2).plus(Duration.ofSeconds(2)));
        }
    }

    @Test
    void the_same_holder_takes_its_lock_back_at_once_after_its_process_died() {
        // given: the worker answering "inquiry-1" died holding the lock; its job is reclaimed elsewhere
        diedHolding("inquiry-1");
        // when / then
        try (var reclaimed = locks.acquire(thread, "inquiry-1", Duration.ZERO)) {
            assertThat(redis.client().get(lockKey())).isEqualTo("inquiry-1");
        }
    }

    @Test
    void a_reclaimed_holder_goes_before_those_who_lined_up_after_it() throws Exception {
        // given: the holder of "inquiry-1" died; "inquiry-2" lines up behind it; the lock's lease runs out
        diedHolding("inquiry-1");
        List<String> order = new CopyOnWriteArrayList<>();
        Thread second = Thread.ofVirtual().start(() -> takeInTurn("inquiry-2", order));
        pause(SHORT_LEASE.plus(POLL.multipliedBy(2)));
        // when: the job of "inquiry-1" is reclaimed before its place in line lapses
        takeInTurn("inquiry-1", order);
        second.join();
        // then
        assertThat(order).containsExactly("inquiry-1", "inquiry-2");
    }

    @Test
    void holders_waiting_for_a_thread_take_their_turns_in_the_order_they_asked() throws Exception {
        // given: the lock is held; three more inquiries of the thread line up one after another
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        try (var held = locks.acquire(thread, "inquiry-1", LONG_WAIT)) {
            for (String holder : List.of("inquiry-2", "inquiry-3", "inquiry-4")) {
                waiting.add(Thread.ofVirtual().start(() -> takeInTurn(holder, order)));
                pause(Duration.ofMillis(60)); // each asks before the next
            }
        } // when: the first is done
        for (Thread thread : waiting) {
            thread.join();
        }
        // then
        assertThat(order).containsExactly("inquiry-2", "inquiry-3", "inquiry-4");
    }

    @Test
    void a_holder_that_gave_up_waiting_leaves_the_line() {
        // given: "inquiry-2" waited in line behind the holder and gave up
        try (var held = locks.acquire(thread, "inquiry-1", LONG_WAIT)) {
            assertThatThrownBy(() -> locks.acquire(thread, "inquiry-2", Duration.ofMillis(120)))
                    .isInstanceOf(ThreadBusyException.class);
        }
        // when / then: the next one is not kept waiting for it
        try (var next = locks.acquire(thread, "inquiry-3", Duration.ZERO)) {
            assertThat(redis.client().get(lockKey())).isEqualTo("inquiry-3");
        }
    }

    @Test
    void a_holder_whose_lease_ran_out_does_not_release_the_next_holders_lock() {
        // given: a holder whose lease expired (its process paused), and a new holder
        LockLine paused = diedHolding("paused");
        try (var current = shortLocks.acquire(thread, "current", LONG_WAIT)) {
            // when: the paused one wakes up and releases
            boolean owned = paused.leave(thread, "paused");
            // then
            assertThat(owned).isFalse();
            assertThat(redis.client().get(lockKey())).isEqualTo("current");
        }
    }

    @Test
    void an_interrupted_wait_gives_up_and_keeps_the_interrupt_flag() {
        // given
        try (var held = locks.acquire(thread, "first", LONG_WAIT)) {
            Thread.currentThread().interrupt();
            // when / then
            assertThatThrownBy(() -> locks.acquire(thread, "second", LONG_WAIT))
                    .isInstanceOf(ThreadBusyException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    /** The lock state a process leaves when it dies holding the lock: taken, never renewed nor released. */
    private LockLine diedHolding(String holder) {
        var line = new LockLine(redis, SHORT_LEASE, SHORT_LEASE.multipliedBy(2));
        assertThat(line.tryTake(thread, holder)).isTrue();
        return line;
    }

    private void takeInTurn(String holder, List<String> order) {
        try (var lock = shortLocks.acquire(thread, holder, LONG_WAIT)) {
            order.add(holder);
            pause(Duration.ofMillis(20));
        }
    }

    private String lockKey() {
        return "ab:{" + thread.id() + "}:lock";
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
