package com.architectbot.licence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.release.OwnFiles;
import com.architectbot.licence.release.OwnFiles.Kind;
import com.architectbot.licence.release.OwnFiles.OwnFile;
import com.architectbot.licence.release.PackageFiles;
import com.architectbot.licence.source.RegistryHttpTest;
import com.architectbot.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

class CachedPackageFilesTest {

    private static final String WIDGET = "pkg:npm/widget@1.0.0";
    private static final String AWAY = "pkg:npm/away@1.0.0";

    private final String prefix = "test:" + UUID.randomUUID() + ":notices:";
    private final UnifiedJedis redis = TestRedis.client();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    /** A registry that has the widget's files and is away for anything else; it counts what it is asked. */
    private final PackageFiles registry = purl -> {
        reads.computeIfAbsent(purl, p -> new AtomicInteger()).incrementAndGet();
        return purl.equals(WIDGET)
                ? new OwnFiles.Read(List.of(new OwnFile("LICENSE", Kind.LICENCE, "Copyright 2020 Jane", false)))
                : new OwnFiles.Unavailable("npm registry unreachable: HTTP 503");
    };

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void files_read_once_are_kept_for_a_month_and_served_from_redis() {
        var cached = new CachedPackageFiles(registry, redis, prefix);

        OwnFiles first = cached.read(WIDGET);
        OwnFiles second = cached.read(WIDGET);

        assertThat(second).isEqualTo(first).isInstanceOf(OwnFiles.Read.class);
        assertThat(reads.get(WIDGET)).hasValue(1);
        assertThat(Duration.ofMillis(redis.pttl(prefix + WIDGET)))
                .isGreaterThan(CachedPackageFiles.READ_TTL.minusMinutes(1));
    }

    @Test
    void an_archive_that_could_not_be_read_is_kept_only_briefly() {
        var cached = new CachedPackageFiles(registry, redis, prefix);

        OwnFiles answer = cached.read(AWAY);

        assertThat(answer).isEqualTo(cached.read(AWAY));
        assertThat(Duration.ofMillis(redis.pttl(prefix + AWAY)))
                .isLessThanOrEqualTo(CachedPackageFiles.UNAVAILABLE_TTL)
                .isPositive();
    }

    @Test
    void an_unreadable_entry_is_read_again_from_the_registry() {
        redis.set(prefix + WIDGET, "{not json");
        var cached = new CachedPackageFiles(registry, redis, prefix);

        OwnFiles answer = cached.read(WIDGET);

        assertThat(answer).isInstanceOf(OwnFiles.Read.class);
        assertThat(reads.get(WIDGET)).hasValue(1);
    }

    @Test
    void with_redis_away_the_files_still_come_from_the_registry() throws Exception {
        try (UnifiedJedis away =
                RedisClient.create(RegistryHttpTest.closedPort().toString().replace("http", "redis"))) {
            var cached = new CachedPackageFiles(registry, away, prefix);

            assertThat(cached.read(WIDGET)).isInstanceOf(OwnFiles.Read.class);
            assertThat(cached.read(WIDGET)).isInstanceOf(OwnFiles.Read.class);
            assertThat(reads.get(WIDGET)).hasValue(2);
        }
    }
}
