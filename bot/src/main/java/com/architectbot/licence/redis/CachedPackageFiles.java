package com.architectbot.licence.redis;

import com.architectbot.licence.release.OwnFiles;
import com.architectbot.licence.release.PackageFiles;
import com.architectbot.licence.source.JsonDocuments;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps packages' own LICENSE/NOTICE files in Redis under {@code ab:notices:<purl>} as JSON. A released
 * version's archive never changes, so files read are kept for {@link #READ_TTL}; an archive that could not be
 * read (a registry away) only for {@link #UNAVAILABLE_TTL}. With Redis away every read goes to the registry.
 */
public final class CachedPackageFiles implements PackageFiles {

    public static final String KEY_PREFIX = "ab:notices:";
    public static final Duration READ_TTL = Duration.ofDays(30);
    public static final Duration UNAVAILABLE_TTL = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(CachedPackageFiles.class);

    private final PackageFiles files;
    private final BestEffortRedis redis;
    private final String keyPrefix;

    public CachedPackageFiles(PackageFiles files, UnifiedJedis redis) {
        this(files, redis, KEY_PREFIX);
    }

    /** @param keyPrefix replaces {@link #KEY_PREFIX}, e.g. to keep tests apart */
    public CachedPackageFiles(PackageFiles files, UnifiedJedis redis, String keyPrefix) {
        this.files = files;
        this.redis = new BestEffortRedis(redis, "package files cache", "reading from the registries");
        this.keyPrefix = keyPrefix;
    }

    @Override
    public OwnFiles read(String purl) {
        String key = keyPrefix + purl;
        String cached = redis.get(key);
        if (cached != null) {
            try {
                return Cached.fromJson(cached);
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("ignoring an unreadable cache entry for {}: {}", purl, e.getMessage());
            }
        }
        OwnFiles answer = files.read(purl);
        if (!Thread.currentThread().isInterrupted()) {
            put(key, answer);
        }
        return answer;
    }

    private void put(String key, OwnFiles answer) {
        Duration ttl = switch (answer) {
            case OwnFiles.Read read -> READ_TTL;
            case OwnFiles.Unavailable unavailable -> UNAVAILABLE_TTL;
        };
        try {
            redis.set(key, Cached.toJson(answer), ttl);
        } catch (JsonProcessingException e) {
            log.warn("could not cache the files of {}: {}", key, e.getMessage());
        }
    }

    /** The JSON form of an answer in the cache. */
    record Cached(List<OwnFiles.OwnFile> files, String unavailable) {

        static String toJson(OwnFiles answer) throws JsonProcessingException {
            Cached value = switch (answer) {
                case OwnFiles.Read read -> new Cached(read.files(), null);
                case OwnFiles.Unavailable unavailable -> new Cached(null, unavailable.reason());
            };
            return JsonDocuments.MAPPER.writeValueAsString(value);
        }

        static OwnFiles fromJson(String json) throws JsonProcessingException {
            Cached value = JsonDocuments.MAPPER.readValue(json, Cached.class);
            return value.unavailable() != null
                    ? new OwnFiles.Unavailable(value.unavailable())
                    : new OwnFiles.Read(value.files() == null ? List.of() : value.files());
        }
    }
}
