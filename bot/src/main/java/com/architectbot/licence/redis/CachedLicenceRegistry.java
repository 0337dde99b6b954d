package com.architectbot.licence.redis;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.JsonDocuments;
import com.architectbot.licence.source.PackageSpecs;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps registry answers in Redis under {@code ab:licence:<purl>} as JSON. A released version's
 * licence never changes, so a found licence is kept for {@link #FOUND_TTL}; an unknown one (a registry
 * away, a package not yet mirrored) only for {@link #UNKNOWN_TTL}. With Redis away every look-up goes
 * to the registry: the cache speeds a check up and never fails it.
 */
public final class CachedLicenceRegistry implements LicenceRegistry {

    public static final String KEY_PREFIX = "ab:licence:";
    public static final Duration FOUND_TTL = Duration.ofDays(30);
    public static final Duration UNKNOWN_TTL = Duration.ofMinutes(10);
    /** Look-ups by result, hit or miss (Redis away or an unreadable entry count as misses): the hit rate. */
    public static final String LOOKUPS = "architect.licence.cache.lookups";

    private static final Logger log = LoggerFactory.getLogger(CachedLicenceRegistry.class);

    private final LicenceRegistry registry;
    private final BestEffortRedis redis;
    private final String keyPrefix;
    private final Counter hits;
    private final Counter misses;

    public CachedLicenceRegistry(LicenceRegistry registry, UnifiedJedis redis, MeterRegistry metrics) {
        this(registry, redis, KEY_PREFIX, metrics);
    }

    /** @param keyPrefix replaces {@link #KEY_PREFIX}, e.g. to keep tests apart */
    public CachedLicenceRegistry(
            LicenceRegistry registry, UnifiedJedis redis, String keyPrefix, MeterRegistry metrics) {
        this.registry = registry;
        this.redis = new BestEffortRedis(redis, "licence cache", "asking the registries directly");
        this.keyPrefix = keyPrefix;
        this.hits = lookups(metrics, "hit");
        this.misses = lookups(metrics, "miss");
    }

    private static Counter lookups(MeterRegistry metrics, String result) {
        return Counter.builder(LOOKUPS)
                .description("Licence look-ups answered from the Redis cache (hit) or by a registry (miss)")
                .tag("result", result)
                .register(metrics);
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        String key = key(pkg);
        String cached = redis.get(key);
        if (cached != null) {
            try {
                Lookup hit = CachedLookup.fromJson(cached);
                hits.increment();
                return hit;
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("ignoring an unreadable cache entry for {}: {}", pkg, e.getMessage());
            }
        }
        misses.increment();
        Lookup answer = registry.lookup(pkg);
        if (!Thread.currentThread().isInterrupted()) {
            write(key, answer); // an interrupted look-up says nothing about the registry
        }
        return answer;
    }

    /** The Redis key of a package's answer. */
    public String key(PackageRef pkg) {
        return keyPrefix + pkg.purl();
    }

    private void write(String key, Lookup answer) {
        Duration ttl = switch (answer) {
            case Lookup.Found found -> FOUND_TTL;
            case Lookup.Unknown unknown -> UNKNOWN_TTL;
        };
        try {
            redis.set(key, CachedLookup.toJson(answer), ttl);
        } catch (JsonProcessingException e) {
            log.warn("could not cache the answer for {}: {}", key, e.getMessage());
        }
    }

    /** The JSON form of a look-up in the cache. */
    record CachedLookup(boolean found, List<Statement> statements, String inheritedFrom, String reason) {

        record Statement(String text, String url) {}

        static String toJson(Lookup lookup) throws JsonProcessingException {
            CachedLookup value = switch (lookup) {
                case Lookup.Found(DeclaredLicence licence) ->
                    new CachedLookup(
                            true,
                            licence.statements().stream()
                                    .map(s -> new Statement(s.text(), s.url()))
                                    .toList(),
                            licence.inheritedFrom() == null
                                    ? null
                                    : licence.inheritedFrom().purl(),
                            null);
                case Lookup.Unknown(String reason) -> new CachedLookup(false, List.of(), null, reason);
            };
            return JsonDocuments.MAPPER.writeValueAsString(value);
        }

        static Lookup fromJson(String json) throws JsonProcessingException {
            CachedLookup value = JsonDocuments.MAPPER.readValue(json, CachedLookup.class);
            if (!value.found()) {
                return new Lookup.Unknown(value.reason());
            }
            List<LicenceStatement> statements = value.statements() == null
                    ? List.of()
                    : value.statements().stream()
                            .map(s -> new LicenceStatement(s.text(), s.url()))
                            .toList();
            PackageRef parent = value.inheritedFrom() == null ? null : PackageSpecs.parse(value.inheritedFrom());
            return new Lookup.Found(new DeclaredLicence(statements, parent));
        }
    }
}
