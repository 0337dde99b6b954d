package com.architectbot.licence.redis;

import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.manifest.NpmPackument;
import com.architectbot.licence.manifest.PackumentCache;
import com.architectbot.licence.source.JsonDocuments;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps reduced npm packuments in Redis under {@code ab:npm:packument:<registry URL><name>} as JSON, with
 * the validators the registry sent and when it was fetched. With Redis away (or an entry unreadable) the
 * packument is fetched again: the cache speeds a check up and never fails it.
 */
public final class RedisPackumentCache implements PackumentCache {

    public static final String KEY_PREFIX = "ab:npm:packument:";

    private static final Logger log = LoggerFactory.getLogger(RedisPackumentCache.class);

    private final BestEffortRedis redis;
    private final String keyPrefix;

    public RedisPackumentCache(UnifiedJedis redis) {
        this(redis, KEY_PREFIX);
    }

    /** @param keyPrefix replaces {@link #KEY_PREFIX}, e.g. to keep tests apart */
    public RedisPackumentCache(UnifiedJedis redis, String keyPrefix) {
        this.redis = new BestEffortRedis(redis, "packument cache", "asking the npm registry directly");
        this.keyPrefix = keyPrefix;
    }

    /** The Redis key of a packument: the registry's URL (from configuration) and a valid npm name. */
    public String key(URI registry, String name) {
        return keyPrefix + registry + name;
    }

    @Override
    public Optional<Entry> read(URI registry, String name) {
        String value = redis.get(key(registry, name));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    JsonDocuments.MAPPER.readValue(value, Stored.class).entry());
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn(
                    "ignoring an unreadable packument cache entry for {}: {}",
                    name,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void write(URI registry, String name, Entry entry, Duration keepFor) {
        try {
            redis.set(key(registry, name), JsonDocuments.MAPPER.writeValueAsString(Stored.of(entry)), keepFor);
        } catch (JsonProcessingException e) {
            log.warn("could not cache the packument of {}: {}", name, e.getMessage());
        }
    }

    /** The JSON form of an entry; short field names, as a large packument has thousands of versions. */
    record Stored(Map<String, String> tags, Map<String, Version> versions, String etag, String lastModified, long at) {

        record Version(Map<String, String> d, Map<String, String> o, List<Licence> l, boolean cut) {}

        record Licence(String t, String u) {}

        static Stored of(Entry entry) {
            Map<String, Version> versions = new LinkedHashMap<>();
            entry.packument()
                    .versions()
                    .forEach((number, release) -> versions.put(
                            number,
                            new Version(
                                    release.dependencies(),
                                    release.optionalDependencies(),
                                    release.licence().stream()
                                            .map(s -> new Licence(s.text(), s.url()))
                                            .toList(),
                                    release.licenceCut())));
            return new Stored(
                    entry.packument().distTags(),
                    versions,
                    entry.etag(),
                    entry.lastModified(),
                    entry.fetchedAt().toEpochMilli());
        }

        Entry entry() {
            Map<String, NpmPackument.Release> releases = new LinkedHashMap<>();
            versions.forEach((number, version) -> releases.put(
                    number,
                    new NpmPackument.Release(
                            version.d(),
                            version.o(),
                            version.l() == null
                                    ? List.of()
                                    : version.l().stream()
                                            .map(l -> new LicenceStatement(l.t(), l.u()))
                                            .toList(),
                            version.cut())));
            return new Entry(new NpmPackument(tags, releases), etag, lastModified, Instant.ofEpochMilli(at));
        }
    }
}
