package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.render.Labels;
import com.architectbot.testing.RedisContents;
import com.architectbot.testing.TestRedis;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new install, through the real bot on a Redis database of its own: no plan unless the operator sets
 * {@code DEFAULT_PLAN}, so a busy morning is answered; with {@code DEFAULT_PLAN=free} the free plan's limits hold.
 */
class PlanDefaultsEndToEndTest {

    private static final URI REDIS = TestRedis.uri().resolve("/11");

    private RunningBot bot;

    @AfterEach
    void stop() {
        bot.close();
    }

    private void start(Map<String, String> variables) {
        RedisContents.flush(REDIS);
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("REDIS_URL", REDIS.toString());
        bot = new RunningBot(environment);
    }

    @Test
    void a_new_install_answers_thirty_mentions_in_a_row_from_one_user_without_a_limit_notice() {
        start(Map.of());
        String channel = unique("C");
        // when: three times the free plan's 10 requests an hour for one user
        for (int i = 0; i < 30; i++) {
            bot.slackEvent(unique("Ev"), RunningBot.mention(channel, ts(i), null, "Question " + i + "?"));
        }
        // then
        for (int i = 0; i < 30; i++) {
            var answer = bot.awaitSlackPosts(channel, ts(i), 1).getFirst();
            assertThat(answer.param("blocks")).contains(Labels.SUMMARY);
        }
        assertThat(bot.slack.calls("chat.postMessage"))
                .noneSatisfy(call -> assertThat(call.param("text")).contains("haven't answered"));
    }

    @Test
    void with_default_plan_free_the_eleventh_mention_of_a_user_in_an_hour_gets_the_limit_notice() {
        start(Map.of("DEFAULT_PLAN", "free"));
        String channel = unique("C");
        // when
        for (int i = 0; i < 11; i++) {
            bot.slackEvent(unique("Ev"), RunningBot.mention(channel, ts(i), null, "Question " + i + "?"));
        }
        // then
        for (int i = 0; i < 10; i++) {
            assertThat(bot.awaitSlackPosts(channel, ts(i), 1).getFirst().param("blocks"))
                    .contains(Labels.SUMMARY);
        }
        assertThat(bot.awaitSlackPosts(channel, ts(10), 1).getFirst().param("text"))
                .contains("haven't answered", "limit of 10 requests per hour", "Free plan");
    }

    private static String ts(int i) {
        return "1700000100.%06d".formatted(i);
    }
}
