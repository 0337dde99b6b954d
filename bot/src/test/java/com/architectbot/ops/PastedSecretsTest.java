package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.CapturedLogs;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.RedisContents;
import com.architectbot.testing.TeamsActivities;
import com.architectbot.testing.TestRedis;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README: "Secrets pasted into a message (...) are redacted as it arrives, before it is queued, stored, logged,
 * audited or sent to the model; each becomes a label such as [redacted GitHub token]." Through the real entry
 * points (Slack events and slash commands, Teams; the CLI in ConsultCommandTest), with the audit log keeping text:
 * the canary secrets appear in no job, no Redis key, no log line, no model request and no message the bot sends.
 */
class PastedSecretsTest {

    /** A database of its own: its usage counts stay out of the other tests' plan limits, and a scan sees only it. */
    private static final URI REDIS = TestRedis.uri().resolve("/7");

    private static RunningBot bot;

    private final String githubToken = "gh" + "p_" + random(36);
    private final String dbPassword = "Pw" + random(14);
    private final String question = "our CI uses " + githubToken + " and postgres://app:" + dbPassword
            + "@db.internal:5432/prod, is that a problem?";
    private final CapturedLogs logs = new CapturedLogs();

    @BeforeAll
    static void start() {
        RedisContents.flush(REDIS);
        bot = new RunningBot(Map.of("AUDIT_CONTENT", "true", "REDIS_URL", REDIS.toString()));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
        bot.model.withLatency(Duration.ZERO);
    }

    @Test
    void a_secret_in_a_slack_mention_is_redacted_in_the_queued_job_memory_audit_logs_and_model_request() {
        String channel = unique("C");
        bot.model.withLatency(Duration.ofMillis(800)); // the job stays in the stream while the model "thinks"
        int asked = bot.model.received();

        var ack = bot.slackEvent(unique("Ev"), RunningBot.mention(channel, "1700000100.000100", null, question));

        assertThat(ack.statusCode()).isEqualTo(200);
        String queued = whileTheModelIsAsked(asked);
        assertThat(queued).contains("[redacted GitHub token]", "postgres://app:[redacted password]@db.internal");
        bot.awaitSlackPosts(channel, "1700000100.000100", 1);
        assertNoCanaryIn(queued, modelRequests(), slackCalls(), RedisContents.all(REDIS), logs.text());
        assertThat(modelRequests())
                .contains("our CI uses [redacted GitHub token] and postgres://app:[redacted password]@");
        assertThat(auditOf(FakeSlackApi.TEAM)).contains("[redacted GitHub token]"); // AUDIT_CONTENT=true keeps text
    }

    @Test
    void a_secret_in_a_slash_command_is_redacted_in_the_quote_that_starts_its_thread() {
        String channel = unique("C");

        bot.slashCommand("/architect", question, channel);

        var posts = bot.awaitSlackPosts(channel, null, 2); // the quote, then the answer
        assertThat(posts.getFirst().param("text")).contains("[redacted GitHub token]");
        assertNoCanaryIn(slackCalls(), modelRequests(), RedisContents.all(REDIS), logs.text());
    }

    @Test
    void a_secret_in_a_teams_message_is_redacted_in_the_queued_job_memory_audit_logs_and_model_request() {
        String chat = unique("a:");
        bot.model.withLatency(Duration.ofMillis(800));
        int asked = bot.model.received();

        var response = bot.teamsActivity(bot.activities.personalMessage(unique("17"), chat, question));

        assertThat(response.statusCode()).isEqualTo(200);
        String queued = whileTheModelIsAsked(asked);
        assertThat(queued).contains("[redacted GitHub token]");
        bot.awaitTeamsMessages(chat, 1);
        assertNoCanaryIn(
                queued, modelRequests(), bot.connector.calls().toString(), RedisContents.all(REDIS), logs.text());
        assertThat(auditOf(TeamsActivities.TENANT)).contains("[redacted GitHub token]");
    }

    @Test
    void a_job_that_fails_leaves_no_secret_in_the_dead_letters() {
        String channel = unique("C");
        bot.model.enqueue(FakeOpenAi.Response.error(500)); // one attempt only (JOB_MAX_ATTEMPTS=1): dead-lettered

        bot.slackEvent(unique("Ev"), RunningBot.mention(channel, "1700000101.000100", null, question));

        assertThat(bot.awaitSlackPosts(channel, "1700000101.000100", 1)
                        .getFirst()
                        .param("text"))
                .startsWith("⚠️");
        assertNoCanaryIn(
                RedisContents.stream(REDIS, "ab:jobs:dead"), RedisContents.all(REDIS), logs.text(), slackCalls());
    }

    /** The job stream while the (slowed) model is answering the next request: the job is in it, pending. */
    private static String whileTheModelIsAsked(int asked) {
        Awaitility.await("the model to be asked")
                .atMost(RunningBot.WAIT)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> bot.model.received() != asked);
        return RedisContents.stream(REDIS, "ab:jobs");
    }

    private void assertNoCanaryIn(String... places) {
        for (String place : places) {
            assertThat(place).doesNotContain(githubToken).doesNotContain(dbPassword);
        }
        assertThat(logs.count()).isPositive(); // the capture did see the bot's logging
    }

    private static String modelRequests() {
        return bot.model.requests().toString();
    }

    private static String slackCalls() {
        return bot.slack.calls().toString();
    }

    private static String auditOf(String tenant) {
        return Arrays.stream(RedisContents.all(REDIS).split("\n"))
                .filter(line -> line.contains(tenant) && line.contains("audit = "))
                .reduce("", String::concat);
    }

    private static String random(int length) {
        StringBuilder value = new StringBuilder();
        while (value.length() < length) {
            value.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return value.substring(0, length);
    }
}
