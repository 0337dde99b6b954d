package com.architectbot.ops;

import com.architectbot.licence.LicenceService;
import com.architectbot.licence.TreeLifetimes;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.licence.redis.CachedDependencyResolver;
import com.architectbot.licence.redis.CachedLicenceRegistry;
import com.architectbot.licence.redis.CachedPackageFiles;
import com.architectbot.licence.redis.RedisPackumentCache;
import com.architectbot.licence.release.PackageFiles;
import com.architectbot.licence.source.PackageSpecs;
import com.architectbot.licence.source.Registries;
import com.architectbot.redis.RedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The licence check and what it holds open: the one way it is built, for the bot ({@link BotFeatures}) and for
 * the terminal alone ({@link LocalLicenceCheck}).
 */
record LicenceFeature(
        ManifestResolver manifests, Registries registries, LicenceService licences, PackageFiles packageFiles)
        implements AutoCloseable {

    /**
     * Builds the registry clients first (HTTP clients and TLS: the slow part, needing no Redis), then asks for Redis,
     * which a caller may still be starting meanwhile, for the caches every replica and the CLI share.
     */
    static LicenceFeature build(
            LicenceConfig config, Supplier<RedisConnection> redis, Clock clock, MeterRegistry metrics) {
        var registries = new Registries(config.registries(), config.manifests().mavenCacheDir());
        try {
            RedisConnection store = redis.get();
            var manifests = new ManifestResolver(
                    config.manifests(),
                    PackageSpecs::parse,
                    registries.http(),
                    new RedisPackumentCache(store.client()),
                    clock);
            var licences = new LicenceService(
                    trees(config, manifests, store, metrics),
                    new CachedLicenceRegistry(registries, store.client(), metrics),
                    config.licences());
            return new LicenceFeature(
                    manifests, registries, licences, new CachedPackageFiles(registries.packageFiles(), store.client()));
        } catch (RuntimeException e) {
            registries.close();
            throw e;
        }
    }

    /** Resolved trees are shared in Redis by every replica and the CLI: a warm check builds no tree. */
    private static CachedDependencyResolver trees(
            LicenceConfig config, ManifestResolver manifests, RedisConnection store, MeterRegistry metrics) {
        return new CachedDependencyResolver(
                manifests,
                List.of(
                        config.manifests().mavenRepositoryUrl(),
                        config.manifests().npmRegistryUrl()),
                TreeLifetimes.DEFAULT,
                store.client(),
                metrics);
    }

    /** Closes the manifest workspace and the registry clients; not Redis, which the caller opened. */
    @Override
    public void close() {
        manifests.close();
        registries.close();
    }
}
