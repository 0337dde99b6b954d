package com.architectbot.ops;

import com.architectbot.licence.LicenceService;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.licence.redis.CachedLicenceRegistry;
import com.architectbot.licence.source.PackageSpecs;
import com.architectbot.licence.source.Registries;
import com.architectbot.redis.RedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The licence check and what it holds open: the one way it is built, for the bot ({@link BotFeatures}) and for
 * the terminal alone ({@link LocalLicenceCheck}).
 */
record LicenceFeature(ManifestResolver manifests, Registries registries, LicenceService licences)
        implements AutoCloseable {

    /**
     * Builds the parts that need no Redis first (registry clients, manifest readers), then asks for Redis: a caller
     * may still be starting it meanwhile.
     */
    static LicenceFeature build(LicenceConfig config, Supplier<RedisConnection> redis, MeterRegistry metrics) {
        var registries = new Registries(config.registries(), config.manifests().mavenCacheDir());
        var manifests = new ManifestResolver(config.manifests(), PackageSpecs::parse);
        try {
            var cache = new CachedLicenceRegistry(registries, redis.get().client(), metrics);
            return new LicenceFeature(manifests, registries, new LicenceService(manifests, cache, config.licences()));
        } catch (RuntimeException e) {
            manifests.close();
            registries.close();
            throw e;
        }
    }

    /** Closes the manifest workspace and the registry clients; not Redis, which the caller opened. */
    @Override
    public void close() {
        manifests.close();
        registries.close();
    }
}
