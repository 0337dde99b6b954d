package com.architectbot.ops;

import com.architectbot.licence.LicenceService;
import com.architectbot.licence.release.PackageFiles;
import com.architectbot.redis.RedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The terminal's licence check, without the rest of the bot: Redis (the licence cache) and the licence feature,
 * no model client, channel, queue or tenancy. Redis starts on its own thread while the registry clients and the
 * manifest readers are built, so an embedded Redis costs the check little more than the wait for its first PONG.
 */
public final class LocalLicenceCheck implements AutoCloseable {

    private final CompletableFuture<RedisConnection> redis;
    private final LicenceFeature feature;

    private LocalLicenceCheck(CompletableFuture<RedisConnection> redis, LicenceFeature feature) {
        this.redis = redis;
        this.feature = feature;
    }

    /**
     * @throws RuntimeException what opening Redis threw (a message naming the variable to fix), unwrapped
     */
    public static LocalLicenceCheck open(LicenceConfig config) {
        CompletableFuture<RedisConnection> redis = new CompletableFuture<>();
        Thread.ofPlatform().name("redis-start").start(() -> {
            try {
                redis.complete(RedisConnection.open(config.redis()));
            } catch (Throwable e) {
                redis.completeExceptionally(e);
            }
        });
        try {
            return new LocalLicenceCheck(
                    redis,
                    LicenceFeature.build(config, () -> joined(redis), Clock.systemUTC(), new SimpleMeterRegistry()));
        } catch (RuntimeException e) {
            closeWhenOpen(redis);
            throw e;
        }
    }

    public LicenceService licences() {
        return feature.licences();
    }

    /** Packages' own LICENSE and NOTICE files, for {@code --format notices}. */
    public PackageFiles packageFiles() {
        return feature.packageFiles();
    }

    /** Closes the licence feature, then Redis (stopping an embedded Redis this process started). */
    @Override
    public void close() {
        try {
            feature.close();
        } finally {
            closeWhenOpen(redis);
        }
    }

    private static RedisConnection joined(CompletableFuture<RedisConnection> redis) {
        try {
            return redis.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Waits for a start still under way, so that an embedded Redis is never left running. */
    private static void closeWhenOpen(CompletableFuture<RedisConnection> redis) {
        RedisConnection connection = redis.handle((opened, failure) -> opened).join();
        if (connection != null) {
            connection.close();
        }
    }
}
