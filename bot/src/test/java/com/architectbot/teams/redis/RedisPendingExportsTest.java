package com.architectbot.teams.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.redis.DataKey;
import com.architectbot.redis.ValueCipher;
import com.architectbot.teams.PendingExports.Pending;
import com.architectbot.tenancy.TenantId;
import com.architectbot.testing.TestCipher;
import com.architectbot.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class RedisPendingExportsTest {

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisPendingExports exports =
            new RedisPendingExports(redis, Duration.ofMinutes(10), TestCipher.cipher(), Clock.systemUTC());

    @Test
    void a_kept_export_is_found_under_a_random_id_and_expires_by_itself() {
        // when
        String first = exports.keep(new Pending("tenant-1", "29:user-1", "export.json", "{\"threads\":[]}"));
        String second = exports.keep(new Pending("tenant-1", "29:user-1", "export.json", "{\"threads\":[]}"));

        // then
        assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(second);
        assertThat(exports.find(first))
                .contains(new Pending("tenant-1", "29:user-1", "export.json", "{\"threads\":[]}"));
        assertThat(redis.ttl(RedisPendingExports.KEY_PREFIX + first)).isBetween(1L, 600L);
    }

    @Test
    void an_export_is_stored_encrypted_and_a_wrong_key_fails_clearly() {
        // given
        String conversations = "{\"threads\":[\"canary " + java.util.UUID.randomUUID() + "\"]}";
        // when
        String id = exports.keep(new Pending("tenant-1", "29:user-canary", "export.json", conversations));
        // then
        assertThat(redis.get(RedisPendingExports.KEY_PREFIX + id))
                .startsWith("enc:v1:")
                .doesNotContain("canary")
                .doesNotContain("29:user")
                .doesNotContain("export.json");
        var otherKey = new RedisPendingExports(
                redis,
                Duration.ofMinutes(10),
                new ValueCipher(DataKey.generate(), Optional.empty()),
                Clock.systemUTC());
        assertThatThrownBy(() -> otherKey.find(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DATA_ENCRYPTION_KEY")
                .hasMessageNotContaining("canary");
    }

    @Test
    void forget_me_erases_the_users_pending_exports_and_erasing_the_tenant_erases_the_rest() {
        // given
        String tenant = "tenant-" + System.nanoTime();
        String mine = exports.keep(new Pending(tenant, "29:user-1", "export.json", "{}"));
        String theirs = exports.keep(new Pending(tenant, "29:user-2", "export.json", "{}"));
        String elsewhere = exports.keep(new Pending(tenant + "-other", "29:user-1", "export.json", "{}"));
        // when
        exports.eraseUser(new TenantId(Surface.TEAMS, tenant), "29:user-1");
        // then
        assertThat(exports.find(mine)).isEmpty();
        assertThat(exports.find(theirs)).isPresent();
        assertThat(exports.find(elsewhere)).isPresent();
        // when
        exports.eraseTenant(new TenantId(Surface.TEAMS, tenant));
        // then
        assertThat(exports.find(theirs)).isEmpty();
        assertThat(exports.find(elsewhere)).isPresent();
        assertThat(redis.keys("ab:{tenant:teams:" + tenant + "}*")).isEmpty();
        assertThat(redis.pttl("ab:{tenant:teams:" + tenant + "-other}:exports")).isBetween(1L, 600_000L);
    }

    @Test
    void a_dropped_export_is_gone() {
        // given
        String id = exports.keep(new Pending("tenant-1", "29:user-1", "export.json", "{}"));

        // when
        exports.drop(id);

        // then
        assertThat(exports.find(id)).isEmpty();
    }

    @Test
    void ids_that_are_not_ours_are_never_looked_up() {
        assertThat(exports.find("*")).isEmpty();
        assertThat(exports.find("../ab:licence:x")).isEmpty();
        assertThat(exports.find(null)).isEmpty();
    }

    @Test
    void the_content_never_shows_in_logs() {
        assertThat(new Pending("tenant-1", "29:user-1", "export.json", "{\"secret question\":1}").toString())
                .doesNotContain("secret question");
    }

    @Test
    void a_ttl_of_zero_is_refused() {
        assertThatThrownBy(() -> new RedisPendingExports(redis, Duration.ZERO, TestCipher.cipher(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TTL");
    }
}
