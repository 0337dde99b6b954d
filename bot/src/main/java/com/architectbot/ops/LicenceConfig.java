package com.architectbot.ops;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import com.architectbot.config.StoreVariables;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.manifest.ManifestSettings;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.redis.RedisSettings;

/**
 * The settings a licence check reads and no more: where Redis (its cache) is, the registries, the manifest
 * readers and the licence policy. The terminal's {@code license-check} reads only these, so a model or channel
 * variable it never uses cannot stop it; {@link BotConfig} reads them the same way for the bot.
 */
public record LicenceConfig(
        RedisSettings redis, RegistrySettings registries, ManifestSettings manifests, LicenceSettings licences) {

    public LicenceConfig {
        requireNonNull(redis, "redis");
        requireNonNull(registries, "registries");
        requireNonNull(manifests, "manifests");
        requireNonNull(licences, "licences");
    }

    /**
     * @throws IllegalArgumentException naming the variable when a value is malformed
     */
    public static LicenceConfig from(Environment env) {
        RegistrySettings registries = RegistrySettings.from(env);
        return new LicenceConfig(
                StoreVariables.redis(env),
                registries,
                ManifestSettings.from(registries, env),
                LicenceSettings.from(env));
    }
}
