package com.architectbot.slack.redis;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.tenancy.PersonalData;
import com.architectbot.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * The last thread each user talked to the bot in, per channel. A slash command carries no thread, so
 * this is what {@code /architect forget} means by "this conversation": the thread you last asked me
 * something in, in the channel (or DM) where you type the command.
 *
 * <p>One key per user and channel ({@code ab:{tenant:slack:T1}:recent-thread:<channel>:<user>}), expiring
 * with the thread's context, and an index of them per workspace (scored by their expiry, expired members
 * dropped on every write), so {@code forget-me} and {@code erase-all-data} find them without a scan.
 */
public final class RecentThreads implements PersonalData {

    /**
     * KEYS: the user's key in the channel, the workspace's index. ARGV: thread, now ms, ttl ms.
     */
    private static final String RECORD = """
            local expiry = tonumber(ARGV[2]) + tonumber(ARGV[3])
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            redis.call('ZADD', KEYS[2], expiry, KEYS[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return 1
            """;

    private static final String KEY = "recent-thread:";

    private final UnifiedJedis redis;
    private final Duration ttl;
    private final Clock clock;

    /** @param ttl how long a thread is found: as long as its context is kept */
    public RecentThreads(UnifiedJedis redis, Duration ttl, Clock clock) {
        this.redis = redis;
        this.ttl = ttl;
        this.clock = clock;
    }

    public void record(ThreadKey thread, String user) {
        redis.eval(
                RECORD,
                List.of(key(thread.tenant(), thread.channel(), user), index(thread.tenant())),
                List.of(thread.thread(), Long.toString(clock.millis()), Long.toString(ttl.toMillis())));
    }

    public Optional<ThreadKey> last(String team, String channel, String user) {
        return Optional.ofNullable(redis.get(key(team, channel, user)))
                .map(root -> new ThreadKey(Surface.SLACK, team, channel, root));
    }

    @Override
    public void eraseUser(TenantId tenant, String user) {
        if (tenant.surface() != Surface.SLACK) {
            return;
        }
        String[] keys = redis.zrange(index(tenant.id()), 0, -1).stream()
                .filter(key -> userOf(tenant.id(), key).equals(user))
                .toArray(String[]::new);
        if (keys.length > 0) {
            redis.del(keys); // one slot: one DEL, also on a cluster
            redis.zrem(index(tenant.id()), keys);
        }
    }

    @Override
    public void eraseTenant(TenantId tenant) {
        if (tenant.surface() != Surface.SLACK) {
            return;
        }
        List<String> keys = new ArrayList<>(redis.zrange(index(tenant.id()), 0, -1));
        keys.add(index(tenant.id()));
        redis.del(keys.toArray(String[]::new));
    }

    /** The user a key of {@link #key} belongs to: Slack channel ids hold no colon, so the rest is the user. */
    private static String userOf(String team, String key) {
        String channelAndUser = key.substring(prefix(team).length());
        return channelAndUser.substring(channelAndUser.indexOf(':') + 1);
    }

    private static String key(String team, String channel, String user) {
        return prefix(team) + channel + ":" + user;
    }

    /** The workspace's keys, in the hash tag the workspace's other keys use, so one script may touch them. */
    private static String prefix(String team) {
        return "ab:{tenant:slack:" + team + "}:" + KEY;
    }

    private static String index(String team) {
        return "ab:{tenant:slack:" + team + "}:recent-threads";
    }
}
