package com.architectbot.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.ReplyTarget;
import com.architectbot.queue.Delivery;
import com.architectbot.queue.Job;
import com.architectbot.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a dead letter keeps (ids, never text), how long, and that erasure reaches it. */
class RedisDeadLettersTest {

    private static final String SECRET_QUESTION = "Our Stripe key is sk_live_canary, is that fine?";

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    @Test
    void a_dead_letter_names_the_inquiry_tenant_user_kind_and_reason_and_keeps_no_text() {
        // when
        queue(Clock.systemUTC())
                .deadLetter(new Delivery("1-0", job("T1", "U1"), 3), "RetryableFailure: model timed out");
        // then
        assertThat(fixture.deadLetters()).singleElement().satisfies(entry -> {
            assertThat(entry.getFields())
                    .containsOnlyKeys("inquiry", "tenant", "user", "kind", "attempts", "reason", "entry", "failed_at");
            assertThat(entry.getFields())
                    .containsEntry("tenant", "slack:T1")
                    .containsEntry("user", "U1")
                    .containsEntry("kind", "CONSULTATION")
                    .containsEntry("attempts", "3");
            assertThat(entry.getFields().toString()).doesNotContain("sk_live_canary", "Stripe", "thread_ts");
        });
        assertThat(fixture.redis.pttl(fixture.keys.deadLetters()))
                .isPositive()
                .isLessThanOrEqualTo(RedisDeadLetters.RETENTION.toMillis());
    }

    @Test
    void entries_older_than_the_retention_are_trimmed_though_nothing_failed_since() {
        // given: a failure long ago, then nothing
        Instant longAgo = Instant.now().minus(RedisDeadLetters.RETENTION).minus(Duration.ofDays(1));
        fixture.redis.xadd(
                fixture.keys.deadLetters(),
                new redis.clients.jedis.StreamEntryID(longAgo.toEpochMilli(), 0),
                Map.of("inquiry", "slack:EvOld"));
        queue(Clock.systemUTC()).deadLetter(new Delivery("2-0", job("T1", "U1"), 3), "recent");
        // when
        long trimmed = deadLetters().trimExpired();
        // then
        assertThat(trimmed).isEqualTo(1);
        assertThat(fixture.deadLetters())
                .extracting(entry -> entry.getFields().get("reason"))
                .containsExactly("recent");
    }

    @Test
    void forget_me_erases_the_users_dead_letters_and_erasing_a_tenant_erases_its_own_only() {
        // given
        RedisStreamQueue queue = queue(Clock.systemUTC());
        queue.deadLetter(new Delivery("1-0", job("T1", "U1"), 3), "a");
        queue.deadLetter(new Delivery("2-0", job("T1", "U2"), 3), "b");
        queue.deadLetter(new Delivery("3-0", job("T2", "U1"), 3), "c");
        // when
        deadLetters().eraseUser(new TenantId(Surface.SLACK, "T1"), "U1");
        // then
        assertThat(fixture.deadLetters())
                .extracting(entry -> entry.getFields().get("reason"))
                .containsExactly("b", "c");
        // when
        deadLetters().eraseTenant(new TenantId(Surface.SLACK, "T1"));
        // then
        assertThat(fixture.deadLetters())
                .extracting(entry -> entry.getFields().get("reason"))
                .containsExactly("c");
    }

    @Test
    void erasure_also_reaches_dead_letters_of_earlier_releases_which_held_the_whole_job() {
        // given: an entry as earlier releases wrote it
        fixture.redis.xadd(
                fixture.keys.deadLetters(),
                redis.clients.jedis.StreamEntryID.NEW_ENTRY,
                Map.of("job", JobJson.write(job("T1", "U1")), "reason", "old"));
        queue(Clock.systemUTC()).deadLetter(new Delivery("2-0", job("T1", "U2"), 3), "new");
        // when
        deadLetters().eraseUser(new TenantId(Surface.SLACK, "T1"), "U1");
        // then
        assertThat(fixture.deadLetters())
                .extracting(entry -> entry.getFields().get("reason"))
                .containsExactly("new");
    }

    private RedisStreamQueue queue(Clock clock) {
        return QueueFixture.queue(fixture.redis, fixture.settings(), clock);
    }

    private RedisDeadLetters deadLetters() {
        return new RedisDeadLetters(fixture.redis, fixture.settings(), Clock.system(ZoneOffset.UTC));
    }

    private static Job job(String team, String user) {
        ThreadKey thread = new ThreadKey(Surface.SLACK, team, "C1", "1700000000.000100");
        return new Job(
                new Inquiry(
                        new InquiryId("slack:Ev-" + team + user),
                        InquiryKind.CONSULTATION,
                        thread,
                        user,
                        SECRET_QUESTION),
                new ReplyTarget(Surface.SLACK, Map.of("channel", "C1", "thread_ts", "1700000000.000100")));
    }
}
