package com.architectbot.conversation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.ThreadMemory;
import com.architectbot.conversation.TokenEstimator;
import com.architectbot.conversation.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ThreadMemory} does. Each implementation's test extends this and builds its memory with
 * the estimator it is given. Threads use a fresh tenant per test, so tests may share one store.
 */
abstract class ThreadMemoryContract {

    protected static final Instant NOW = Instant.parse("2025-01-02T03:04:05.123456Z");

    protected final TokenEstimator estimator = TokenEstimator.approximate();
    protected final String tenant = "T-" + UUID.randomUUID();
    protected ThreadMemory memory;

    /** The memory under test, sizing turns with {@code estimator}. */
    protected abstract ThreadMemory createMemory(TokenEstimator estimator);

    @BeforeEach
    void createMemoryUnderTest() {
        memory = createMemory(estimator);
    }

    protected ThreadKey thread(String ts) {
        return new ThreadKey(Surface.SLACK, tenant, "C1", ts);
    }

    protected static Turn turn(int n) {
        // lengths vary so that the budget cut does not fall on a round number of turns
        return new Turn(
                "inq-" + n,
                "U1",
                "question " + n + " " + "q".repeat(n % 7 * 13),
                "{\"summary\":\"answer " + n + "\"" + " ".repeat(n % 5 * 31) + "}",
                NOW.plusSeconds(n));
    }

    @Test
    void remembered_turns_are_recalled_oldest_first_with_their_content() {
        // given
        var thread = thread("1700000000.000100");
        memory.remember(thread, turn(1));
        memory.remember(thread, turn(2));
        // when
        List<Turn> recalled = memory.recall(thread, 10_000);
        // then
        assertThat(recalled).containsExactly(turn(1), turn(2));
        assertThat(recalled.get(0).at()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void remembering_the_same_inquiry_twice_stores_one_turn() {
        // given
        var thread = thread("1700000000.000200");
        memory.remember(thread, turn(1));
        // when: a redelivered job remembers its inquiry again, with a later answer
        memory.remember(thread, new Turn("inq-1", "U1", "again", "other answer", NOW.plusSeconds(99)));
        // then
        assertThat(memory.recall(thread, 10_000)).containsExactly(turn(1));
        assertThat(memory.find(thread, "inq-1")).contains(turn(1));
    }

    @Test
    void recall_of_a_200_turn_thread_returns_the_newest_turns_that_fit_the_budget_in_order() {
        // given
        var thread = thread("1700000000.000300");
        var all = new ArrayList<Turn>();
        for (int n = 1; n <= 200; n++) {
            all.add(turn(n));
            memory.remember(thread, turn(n));
        }
        int budget = 1_000;
        // when
        List<Turn> recalled = memory.recall(thread, budget);
        // then: a non-empty tail of the thread, in order, within the budget, and no older turn would fit
        assertThat(recalled).isNotEmpty().hasSizeLessThan(200);
        assertThat(recalled).containsExactlyElementsOf(all.subList(200 - recalled.size(), 200));
        int used = tokens(recalled);
        assertThat(used).isLessThanOrEqualTo(budget);
        assertThat(used + estimator.tokens(all.get(200 - recalled.size() - 1))).isGreaterThan(budget);
    }

    @Test
    void recall_with_a_budget_smaller_than_the_newest_turn_is_empty() {
        // given
        var thread = thread("1700000000.000400");
        memory.remember(thread, turn(1));
        // when / then
        assertThat(memory.recall(thread, estimator.tokens(turn(1)) - 1)).isEmpty();
        assertThat(memory.recall(thread, estimator.tokens(turn(1)))).containsExactly(turn(1));
    }

    @Test
    void a_thread_never_written_recalls_nothing_and_finds_nothing() {
        var thread = thread("1700000000.000500");

        assertThat(memory.recall(thread, 10_000)).isEmpty();
        assertThat(memory.find(thread, "inq-1")).isEmpty();
    }

    @Test
    void find_returns_the_turn_of_an_inquiry_and_nothing_for_another() {
        // given
        var thread = thread("1700000000.000600");
        for (int n = 1; n <= 40; n++) {
            memory.remember(thread, turn(n));
        }
        // when / then
        assertThat(memory.find(thread, "inq-3")).contains(turn(3));
        assertThat(memory.find(thread, "inq-40")).contains(turn(40));
        assertThat(memory.find(thread, "inq-41")).isEmpty();
        assertThat(memory.find(thread("1700000000.000601"), "inq-3")).isEmpty();
    }

    @Test
    void forget_erases_the_thread_and_leaves_other_threads_and_tenants_alone() {
        // given
        var thread = thread("1700000000.000700");
        var sibling = thread("1700000000.000701");
        var otherTenant = new ThreadKey(Surface.SLACK, "other-" + tenant, "C1", "1700000000.000700");
        for (ThreadKey each : List.of(thread, sibling, otherTenant)) {
            memory.remember(each, turn(1));
            memory.remember(each, turn(2));
        }
        // when
        boolean erased = memory.forget(thread);
        // then
        assertThat(erased).isTrue();
        assertThat(memory.recall(thread, 10_000)).isEmpty();
        assertThat(memory.find(thread, "inq-1")).isEmpty();
        assertThat(memory.recall(sibling, 10_000)).containsExactly(turn(1), turn(2));
        assertThat(memory.recall(otherTenant, 10_000)).containsExactly(turn(1), turn(2));
        assertThat(memory.forget(thread)).isFalse();
    }

    @Test
    void a_forgotten_inquiry_can_be_remembered_again() {
        // given
        var thread = thread("1700000000.000800");
        memory.remember(thread, turn(1));
        memory.forget(thread);
        // when
        memory.remember(thread, turn(1));
        // then
        assertThat(memory.recall(thread, 10_000)).containsExactly(turn(1));
    }

    private int tokens(List<Turn> turns) {
        return turns.stream().mapToInt(estimator::tokens).sum();
    }
}
