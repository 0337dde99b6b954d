package com.architectbot.config;

import com.architectbot.redis.DataKey;
import com.architectbot.redis.EncryptionSettings;
import com.architectbot.redis.RedisSettings;
import com.architectbot.redis.RedisUrl;
import java.nio.file.Path;
import java.time.Duration;

/** Reads the store's settings (where Redis is, the keys data is encrypted with) from the environment. */
public final class StoreVariables {

    private StoreVariables() {}

    /**
     * @throws IllegalArgumentException naming the variable when a value is malformed
     */
    public static RedisSettings redis(Environment env) {
        return new RedisSettings(
                env.optional(RedisSettings.URL_VARIABLE).map(RedisUrl::parse).orElse(null),
                dataDir(env),
                env.integer(RedisSettings.PORT_VARIABLE, RedisSettings.DEFAULT_EMBEDDED_PORT, 1),
                millis(env, RedisSettings.CONNECT_TIMEOUT_VARIABLE, RedisSettings.DEFAULT_CONNECT_TIMEOUT),
                millis(env, RedisSettings.SOCKET_TIMEOUT_VARIABLE, RedisSettings.DEFAULT_SOCKET_TIMEOUT));
    }

    /**
     * @throws IllegalArgumentException naming the variable (never its value) when a key is malformed
     */
    public static EncryptionSettings encryption(Environment env) {
        return new EncryptionSettings(
                env.optional(EncryptionSettings.KEY_VARIABLE)
                        .map(text -> DataKey.parse(EncryptionSettings.KEY_VARIABLE, text)),
                env.optional(EncryptionSettings.PREVIOUS_KEY_VARIABLE)
                        .map(text -> DataKey.parse(EncryptionSettings.PREVIOUS_KEY_VARIABLE, text)),
                dataDir(env).resolve(EncryptionSettings.KEY_FILE_NAME),
                env.isSet(RedisSettings.URL_VARIABLE));
    }

    private static Path dataDir(Environment env) {
        return Path.of(env.string(RedisSettings.DATA_DIR_VARIABLE, RedisSettings.DEFAULT_DATA_DIR));
    }

    private static Duration millis(Environment env, String name, Duration fallback) {
        return Duration.ofMillis(env.integer(name, (int) fallback.toMillis(), 1));
    }
}
