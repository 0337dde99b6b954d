package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.redis.DataKey;
import com.architectbot.redis.ValueCipher;
import com.architectbot.slack.redis.RedisInstallationService;
import com.architectbot.testing.TestRedis;
import com.slack.api.bolt.model.builtin.DefaultBot;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Workspace tokens in Redis are encrypted, survive a key rotation, and older plaintext records are upgraded. */
class SlackInstallationsAtRestTest {

    private static final String TOKEN = "xoxb-canary-" + UUID.randomUUID();
    private final UnifiedJedis redis = TestRedis.client();
    private final String team =
            "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    private final String key = RedisInstallationService.PREFIX + team;
    private final DataKey oldKey = new DataKey("2025", DataKey.generate().material());
    private final DataKey newKey = new DataKey("2026", DataKey.generate().material());

    @AfterEach
    void clean() {
        redis.del(key);
        redis.close();
    }

    @Test
    void the_raw_redis_value_does_not_contain_the_token() {
        var installations = new RedisInstallationService(redis, new ValueCipher(newKey, Optional.empty()));
        // when
        installations.saveBot(bot());
        // then
        assertThat(redis.hget(key, "bot")).startsWith("enc:v1:2026:").doesNotContain(TOKEN);
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo(TOKEN);
    }

    @Test
    void a_token_written_under_another_key_fails_clearly_without_the_token() {
        new RedisInstallationService(redis, new ValueCipher(oldKey, Optional.empty())).saveBot(bot());
        var withoutTheOldKey = new RedisInstallationService(redis, new ValueCipher(newKey, Optional.empty()));

        assertThatThrownBy(() -> withoutTheOldKey.findBot(null, team))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id '2025'")
                .hasMessageContaining("DATA_ENCRYPTION_KEY")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void after_a_rotation_a_token_is_read_with_the_previous_key_and_written_again_with_the_new_one() {
        // given
        new RedisInstallationService(redis, new ValueCipher(oldKey, Optional.empty())).saveBot(bot());
        var rotated = new RedisInstallationService(redis, new ValueCipher(newKey, Optional.of(oldKey)));
        // when
        String token = rotated.findBot(null, team).getBotAccessToken();
        // then
        assertThat(token).isEqualTo(TOKEN);
        assertThat(redis.hget(key, "bot")).startsWith("enc:v1:2026:").doesNotContain(TOKEN);
        var oldKeyRetired = new RedisInstallationService(redis, new ValueCipher(newKey, Optional.empty()));
        assertThat(oldKeyRetired.findBot(null, team).getBotAccessToken()).isEqualTo(TOKEN);
    }

    @Test
    void a_plaintext_token_from_before_encryption_is_read_and_then_stored_encrypted() {
        // given: what the bot stored before it encrypted anything
        redis.hset(key, "bot", "{\"team_id\":\"" + team + "\",\"bot_access_token\":\"" + TOKEN + "\"}");
        var installations = new RedisInstallationService(redis, new ValueCipher(newKey, Optional.empty()));
        // when
        String token = installations.findBot(null, team).getBotAccessToken();
        // then
        assertThat(token).isEqualTo(TOKEN);
        assertThat(redis.hget(key, "bot")).startsWith("enc:v1:2026:").doesNotContain(TOKEN);
    }

    private DefaultBot bot() {
        DefaultBot bot = new DefaultBot();
        bot.setTeamId(team);
        bot.setBotAccessToken(TOKEN);
        return bot;
    }
}
