package com.architectbot.conversation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.Turn;
import com.architectbot.redis.RedisConnection;
import com.architectbot.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisConversationRecordsTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static RedisConnection redis;
    private final String tenant = "T" + UUID.randomUUID();
    private RedisThreadMemory memory;
    private RedisConversationRecords records;

    @BeforeAll
    static void connect() {
        redis = TestRedis.connection();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void setUp() {
        memory = new RedisThreadMemory(redis, RedisThreadMemory.Settings.defaults());
        records = new RedisConversationRecords(redis);
    }

    @Test
    void a_users_turns_are_found_across_threads_without_other_peoples() {
        // given: alice talks in two threads, bob in one of them
        var first = thread("C1", "1.1");
        var second = thread("C2", "2.2");
        memory.remember(first, turn("a1", "alice", NOW));
        memory.remember(first, turn("b1", "bob", NOW.plusSeconds(1)));
        memory.remember(second, turn("a2", "alice", NOW.plusSeconds(2)));
        // when
        var turns = records.turnsOf(Surface.SLACK, tenant, "alice");
        // then
        assertThat(turns).containsOnlyKeys(first.id(), second.id());
        assertThat(turns.get(first.id())).extracting(Turn::inquiryId).containsExactly("a1");
        assertThat(turns.get(second.id())).extracting(Turn::inquiryId).containsExactly("a2");
    }

    @Test
    void forgetting_a_user_erases_their_turns_and_keeps_everyone_elses() {
        // given
        var shared = thread("C1", "1.1");
        var own = thread("C2", "2.2");
        memory.remember(shared, turn("a1", "alice", NOW));
        memory.remember(shared, turn("b1", "bob", NOW.plusSeconds(1)));
        memory.remember(own, turn("a2", "alice", NOW.plusSeconds(2)));
        // when
        int erased = records.forgetUser(Surface.SLACK, tenant, "alice");
        // then
        assertThat(erased).isEqualTo(2);
        assertThat(memory.recall(shared, 100_000)).extracting(Turn::inquiryId).containsExactly("b1");
        assertThat(memory.recall(own, 100_000)).isEmpty();
        assertThat(memory.find(shared, "a1")).isEmpty();
        assertThat(records.turnsOf(Surface.SLACK, tenant, "alice")).isEmpty();
        assertThat(records.turnsOf(Surface.SLACK, tenant, "bob")).containsOnlyKeys(shared.id());
        assertThat(redis.client().pttl(RedisKeys.turns(shared))).isPositive();
    }

    @Test
    void forgetting_a_tenant_erases_all_its_threads_and_no_other_tenants() {
        // given
        var mine = thread("C1", "1.1");
        var elsewhere = new ThreadKey(Surface.SLACK, tenant + "-other", "C1", "1.1");
        memory.remember(mine, turn("a1", "alice", NOW));
        memory.remember(thread("C2", "2.2"), turn("b1", "bob", NOW));
        memory.remember(elsewhere, turn("c1", "carol", NOW));
        // when
        int threads = records.forgetTenant(Surface.SLACK, tenant);
        // then
        assertThat(threads).isEqualTo(2);
        assertThat(memory.recall(mine, 100_000)).isEmpty();
        assertThat(records.turnsOf(Surface.SLACK, tenant, "bob")).isEmpty();
        assertThat(redis.client().exists(RedisKeys.tenantThreads(Surface.SLACK, tenant)))
                .isFalse();
        assertThat(memory.recall(elsewhere, 100_000)).hasSize(1);
    }

    @Test
    void the_indexes_drop_threads_older_than_the_time_to_live() {
        // given: a thread last written before the time to live, then a new one
        var old = thread("C1", "1.1");
        memory.remember(old, turn("a1", "alice", NOW.minus(Duration.ofDays(31))));
        memory.remember(thread("C2", "2.2"), turn("a2", "alice", NOW));
        // then
        assertThat(redis.client().zrange(RedisKeys.userThreads(Surface.SLACK, tenant, "alice"), 0, -1))
                .containsExactly(thread("C2", "2.2").id());
    }

    private ThreadKey thread(String channel, String ts) {
        return new ThreadKey(Surface.SLACK, tenant, channel, ts);
    }

    private static Turn turn(String id, String user, Instant at) {
        return new Turn(id, user, "question " + id, "{\"summary\":\"answer " + id + "\"}", at);
    }
}
