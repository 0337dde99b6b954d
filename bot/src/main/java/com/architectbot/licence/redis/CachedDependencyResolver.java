package com.architectbot.licence.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver;
import com.architectbot.licence.TreeLifetimes;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps resolved dependency trees in Redis under {@code ab:licence-tree:<sha-256>}, so the same
 * {@code pom.xml} or {@code package.json} checked again, by any replica or the CLI, skips building the tree.
 * The key is a hash of the inputs, the registries and the options ({@link TreeKey}); how long a tree is kept
 * is the licence check's rule ({@link TreeLifetimes}) applied to what the reader said of it: pinned for long,
 * floating briefly, failed or offline not at all. With Redis away every check resolves directly; an entry that
 * does not read back is ignored, and overwritten by the fresh tree.
 */
public final class CachedDependencyResolver implements DependencyResolver {

    public static final String KEY_PREFIX = "ab:licence-tree:";
    /** Trees by result, hit or miss (Redis away or an unreadable entry count as misses; offline inputs not at all). */
    public static final String LOOKUPS = "architect.licence.tree.cache.lookups";

    private static final Logger log = LoggerFactory.getLogger(CachedDependencyResolver.class);

    private final DependencyResolver resolver;
    private final List<URI> registries;
    private final TreeLifetimes lifetimes;
    private final BestEffortRedis redis;
    private final String keyPrefix;
    private final Counter hits;
    private final Counter misses;

    /** @param registries every registry the resolver resolves against: a tree is only reused against the same */
    public CachedDependencyResolver(
            DependencyResolver resolver,
            List<URI> registries,
            TreeLifetimes lifetimes,
            UnifiedJedis redis,
            MeterRegistry metrics) {
        this(resolver, registries, lifetimes, redis, KEY_PREFIX, metrics);
    }

    /** @param keyPrefix replaces {@link #KEY_PREFIX}, e.g. to keep tests apart */
    public CachedDependencyResolver(
            DependencyResolver resolver,
            List<URI> registries,
            TreeLifetimes lifetimes,
            UnifiedJedis redis,
            String keyPrefix,
            MeterRegistry metrics) {
        this.resolver = requireNonNull(resolver, "resolver");
        this.registries = List.copyOf(registries);
        this.lifetimes = requireNonNull(lifetimes, "lifetimes");
        this.redis = new BestEffortRedis(redis, "dependency tree cache", "resolving every tree");
        this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix");
        this.hits = lookups(metrics, "hit");
        this.misses = lookups(metrics, "miss");
    }

    private static Counter lookups(MeterRegistry metrics, String result) {
        return Counter.builder(LOOKUPS)
                .description("Dependency trees answered from the Redis cache (hit) or resolved (miss)")
                .tag("result", result)
                .register(metrics);
    }

    @Override
    public Resolution resolve(List<CheckInput> inputs, ResolveOptions options) {
        String key = key(inputs, options);
        Optional<Resolution> cached = cached(key);
        if (cached.isPresent()) {
            hits.increment();
            return cached.get();
        }
        Resolution resolution = resolver.resolve(inputs, options);
        Optional<Duration> lifetime = lifetimes.of(resolution.stability());
        if (resolution.stability() != Stability.OFFLINE) {
            misses.increment();
        }
        if (lifetime.isPresent() && !Thread.currentThread().isInterrupted()) {
            write(key, resolution, lifetime.get()); // an interrupted resolution may be cut short
        }
        return resolution;
    }

    /** The Redis key of the tree of these inputs. */
    public String key(List<CheckInput> inputs, ResolveOptions options) {
        return keyPrefix + TreeKey.of(inputs, options, registries);
    }

    private Optional<Resolution> cached(String key) {
        String value = redis.get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CachedTree.fromJson(value));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn(
                    "ignoring an unreadable cached tree {}: {}",
                    key,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void write(String key, Resolution resolution, Duration lifetime) {
        try {
            redis.set(key, CachedTree.toJson(resolution), lifetime);
        } catch (JsonProcessingException e) {
            log.warn("could not cache the tree {}: {}", key, e.getMessage());
        }
    }
}
