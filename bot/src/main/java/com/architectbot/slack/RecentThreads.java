package com.architectbot.slack;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The last thread each user talked to the bot in, per channel. A slash command carries no thread, so
 * this is what {@code /architect forget} means by "this conversation": the thread you last asked me
 * something in, in the channel (or DM) where you type the command.
 */
final class RecentThreads {

    private static final String PREFIX = "ab:slack:recent-thread:";

    private final UnifiedJedis redis;
    private final Duration ttl;

    RecentThreads(UnifiedJedis redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    void record(ThreadKey thread, String user) {
        redis.set(key(thread.tenant(), thread.channel(), user), thread.thread(), SetParams.setParams().ex(ttl.toSeconds()));
    }

    Optional<ThreadKey> last(String team, String channel, String user) {
        return Optional.ofNullable(redis.get(key(team, channel, user)))
                .map(root -> new ThreadKey(Surface.SLACK, team, channel, root));
    }

    private static String key(String team, String channel, String user) {
        return PREFIX + team + ":" + channel + ":" + user;
    }
}
