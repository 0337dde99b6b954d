package com.architectbot.slack.redis;

import com.slack.api.bolt.service.OAuthStateService;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * OAuth {@code state} values in Redis ({@code ab:slack:oauth-state:<state>}), so an install started on one
 * replica can finish on another. Each expires after Bolt's ten minutes and is deleted once used.
 */
public final class RedisOAuthStateService implements OAuthStateService {

    public static final String PREFIX = "ab:slack:oauth-state:";

    private final UnifiedJedis redis;

    public RedisOAuthStateService(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        redis.set(PREFIX + state, "1", SetParams.setParams().ex(getExpirationInSeconds()));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return redis.exists(PREFIX + state);
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        redis.del(PREFIX + state);
    }
}
