package com.architectbot.ops;

import static com.architectbot.ops.RunningBot.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.ops.StoredKeys.Bound;
import com.architectbot.ops.StoredKeys.StoredKey;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.RedisContents;
import com.architectbot.testing.TeamsActivities;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/**
 * Every key the bot writes is catalogued in {@link StoredKeys}, expires or is bounded, and is erased by
 * {@code forget-me} and {@code erase-all-data}. The bot runs on a Redis of its own, so every key in it is
 * the bot's: Slack and Teams are driven through their real entry points (mentions, DMs, licence checks,
 * exports, usage, a job that fails for good), then every key is read back.
 */
class StoredKeysTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String SLACK_FORGOTTEN = "UFORGOTTEN";
    private static final String SLACK_KEPT = "UKEPT";
    private static final String TEAMS_FORGOTTEN = "29:user-1";
    private static final String TEAMS_KEPT = "29:user-2";
    private static final String TEAMS_ADMIN_AAD = "aad-user-2";

    private RedisServer server;
    private UnifiedJedis redis;
    private RunningBot bot;
    private final String channel = unique("C");
    private final String dm = unique("D");
    private final String chat = unique("a:");
    private final String keptChat = unique("a:");
    private final String root = unique("17");

    @BeforeEach
    void start() throws IOException {
        int port = freePort();
        server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        redis = RedisClient.create("redis://127.0.0.1:" + port);
        bot = new RunningBot(Map.of("REDIS_URL", "redis://127.0.0.1:" + port, "TEAMS_ADMIN_IDS", TEAMS_ADMIN_AAD));
        bot.slack.admins(SLACK_KEPT);
    }

    @AfterEach
    void stop() throws IOException {
        bot.close();
        redis.close();
        server.stop();
    }

    @Test
    void every_key_the_bot_writes_is_catalogued_and_expires_or_is_bounded() {
        // when
        useEverySurface();
        // then
        List<String> keys = allKeys();
        for (String key : keys) {
            List<StoredKey> kinds = StoredKeys.ALL.stream()
                    .filter(kind -> kind.pattern().matcher(key).matches())
                    .toList();
            assertThat(kinds).as("catalogued kinds of key %s", key).hasSize(1);
            if (kinds.getFirst().bound() == Bound.TTL) {
                assertThat(redis.pttl(key)).as("time to live of %s", key).isPositive();
            }
        }
        assertThat(keys.stream()
                        .map(key -> StoredKeys.of(key).orElseThrow().name())
                        .collect(Collectors.toSet()))
                .contains(
                        "thread turns",
                        "user's threads",
                        "user's requests this hour",
                        "user's tokens today",
                        "tenant's audit log",
                        "user's last Slack thread in a channel",
                        "Teams export awaiting consent",
                        "dead letters",
                        "licence cache",
                        "inquiry answered mark");
    }

    @Test
    void forget_me_leaves_nothing_of_the_user_in_any_key_and_leaves_everyone_elses() {
        // given
        useEverySurface();
        // when
        bot.slashCommand("/architect", "forget-me", channel, SLACK_FORGOTTEN);
        bot.awaitSlackPosts("D" + SLACK_FORGOTTEN, null, 2); // after the export's summary
        bot.teamsActivity(bot.activities.personalMessage(unique("17"), chat, "forget-me"));
        bot.awaitTeamsMessages(chat, 5); // after the licence check's two cards, the consent card and an apology
        awaitQuiet();
        // then
        for (String key : allKeys()) {
            assertThat(StoredKeys.part(key, "user"))
                    .as("user of %s", key)
                    .isNotIn(Optional.of(SLACK_FORGOTTEN), Optional.of(TEAMS_FORGOTTEN));
            assertThat(content(key)).as("content of %s", key).doesNotContain(SLACK_FORGOTTEN, TEAMS_FORGOTTEN);
        }
        String everything = allKeys().stream().map(this::content).collect(Collectors.joining("\n"));
        assertThat(everything).contains(SLACK_KEPT, TEAMS_KEPT);
    }

    @Test
    void erase_all_data_leaves_nothing_of_the_tenant_but_the_erasure_in_its_audit_log_and_other_tenants_keep_theirs() {
        // given
        useEverySurface();
        // when: Slack's admin erases the workspace
        bot.slashCommand("/architect", "erase-all-data confirm", channel, SLACK_KEPT);
        bot.awaitSlackPosts("D" + SLACK_KEPT, null, 2); // after the usage report
        awaitQuiet();
        // then
        assertThat(keysOf("slack", FakeSlackApi.TEAM)).containsExactly("ab:{tenant:slack:T1}:audit");
        assertThat(redis.xrange("ab:{tenant:slack:T1}:audit", "-", "+"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.getFields()).containsEntry("kind", "erase-all-data"));
        assertThat(content("ab:jobs:dead")).doesNotContain("slack:" + FakeSlackApi.TEAM);
        assertThat(keysOf("teams", TeamsActivities.TENANT)).isNotEmpty();

        // when: Teams' admin erases the tenant
        bot.teamsActivity(asKeptUser(bot.activities.personalMessage(unique("17"), keptChat, "erase-all-data confirm")));
        bot.awaitTeamsMessages(keptChat, 2); // after the usage report
        awaitQuiet();
        // then
        assertThat(keysOf("teams", TeamsActivities.TENANT)).containsExactly("ab:{tenant:teams:tenant-1}:audit");
        assertThat(allKeys()).noneMatch(key -> key.startsWith("ab:teams:export:"));
        assertThat(content("ab:jobs:dead")).doesNotContain("teams:" + TeamsActivities.TENANT);
    }

    /** Two users on each surface: questions, a shared thread, a DM, licence checks, usage, an export, a failure. */
    private void useEverySurface() {
        bot.slackEvent(unique("Ev"), RunningBot.mention(SLACK_FORGOTTEN, channel, "1700000000.000100", null, "Shard?"));
        bot.awaitSlackPosts(channel, "1700000000.000100", 1);
        bot.slackEvent(
                unique("Ev"),
                RunningBot.mention(SLACK_KEPT, channel, "1700000000.000200", "1700000000.000100", "And replicas?"));
        bot.awaitSlackPosts(channel, "1700000000.000100", 2);
        bot.slackEvent(unique("Ev"), """
                {"type":"message","channel_type":"im","user":"%s","text":"Is Redis enough?","ts":"1700000001.000100",\
                "channel":"%s","event_ts":"1700000001.000100"}""".formatted(SLACK_FORGOTTEN, dm));
        bot.awaitSlackPosts(dm, "1700000001.000100", 1);
        bot.slashCommand(
                "/license-check", "pkg:maven/org.apache.commons/commons-lang3@3.14.0", channel, SLACK_FORGOTTEN);
        bot.awaitSlackPosts(channel, null, 4);
        bot.slashCommand("/architect", "usage", channel, SLACK_KEPT);
        bot.awaitSlackPosts("D" + SLACK_KEPT, null, 1);
        bot.slashCommand("/architect", "export", channel, SLACK_FORGOTTEN);
        bot.awaitSlackPosts("D" + SLACK_FORGOTTEN, null, 1);
        bot.model.enqueue(FakeOpenAi.Response.error(500)); // fails for good: one attempt, then a dead letter
        bot.slackEvent(
                unique("Ev"), RunningBot.mention(SLACK_FORGOTTEN, channel, "1700000002.000100", null, "Friday?"));
        bot.awaitSlackPosts(channel, "1700000002.000100", 1);

        bot.teamsActivity(bot.activities.channelMention(root, "Architect Bot", "How should we shard tenants?"));
        bot.awaitTeamsMessages(chain(), 1);
        bot.teamsActivity(
                asKeptUser(bot.activities.channelMention(unique("17"), root, "Architect Bot", "And replicas?")));
        bot.awaitTeamsMessages(chain(), 2);
        bot.teamsActivity(bot.activities.personalMessage(
                unique("17"), chat, "license-check org.apache.commons:commons-lang3:3.14.0"));
        bot.awaitTeamsMessages(chat, 2);
        bot.teamsActivity(bot.activities.personalMessage(unique("17"), chat, "export"));
        bot.awaitTeamsMessages(chat, 3);
        bot.teamsActivity(asKeptUser(bot.activities.personalMessage(unique("17"), keptChat, "usage")));
        bot.awaitTeamsMessages(keptChat, 1);
        bot.model.enqueue(FakeOpenAi.Response.error(500));
        bot.teamsActivity(bot.activities.personalMessage(unique("17"), chat, "Can we launch on Friday?"));
        bot.awaitTeamsMessages(chat, 4);
        awaitQuiet();
        assertThat(redis.xlen("ab:jobs:dead")).isEqualTo(2);
    }

    private static ObjectNode asKeptUser(ObjectNode activity) {
        ((ObjectNode) activity.get("from")).put("id", TEAMS_KEPT).put("aadObjectId", TEAMS_ADMIN_AAD);
        return activity;
    }

    private String chain() {
        return TeamsActivities.CHANNEL + ";messageid=" + root;
    }

    /** Every job done and acknowledged (an acknowledged job leaves the stream), no lock held. */
    private void awaitQuiet() {
        Awaitility.await("the queue to drain")
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(() -> redis.xlen("ab:jobs") == 0 && allKeys().stream().noneMatch(key -> key.endsWith(":lock")));
    }

    private List<String> allKeys() {
        return RedisContents.keys(redis);
    }

    private List<String> keysOf(String surface, String tenant) {
        return allKeys().stream()
                .filter(key -> StoredKeys.part(key, "surface").equals(Optional.of(surface))
                        && StoredKeys.part(key, "tenant").equals(Optional.of(tenant)))
                .toList();
    }

    /** Whatever the key holds, as text: values, fields, members, stream entries. */
    private String content(String key) {
        return switch (redis.type(key)) {
            case "string" -> redis.get(key);
            case "hash" -> redis.hgetAll(key).toString();
            case "list" -> redis.lrange(key, 0, -1).toString();
            case "set" -> redis.smembers(key).toString();
            case "zset" -> redis.zrange(key, 0, -1).toString();
            case "stream" ->
                redis.xrange(key, "-", "+").stream()
                        .map(entry -> entry.getFields().toString())
                        .collect(Collectors.joining("\n"));
            case "none" -> "";
            default -> throw new AssertionError("a key of an unexpected type: " + key);
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
