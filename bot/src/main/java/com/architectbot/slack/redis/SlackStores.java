package com.architectbot.slack.redis;

import com.architectbot.redis.ValueCipher;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the Slack channel keeps in Redis: the workspaces' installations (tokens sealed with the data key), OAuth
 * states while an install is under way, and the threads the bot recently answered in.
 */
public record SlackStores(
        RedisInstallationService installations, RedisOAuthStateService oauthStates, RecentThreads recentThreads) {

    /** @param recentThreads shared with what erases a tenant's data, so both use the one store */
    public static SlackStores on(UnifiedJedis redis, ValueCipher cipher, RecentThreads recentThreads) {
        return new SlackStores(
                new RedisInstallationService(redis, cipher), new RedisOAuthStateService(redis), recentThreads);
    }
}
