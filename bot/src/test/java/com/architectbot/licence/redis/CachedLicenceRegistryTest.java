package com.architectbot.licence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.Registries;
import com.architectbot.licence.source.RegistryHttpTest;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.licence.source.TestSettings;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

class CachedLicenceRegistryTest {

    private static final PackageRef REACT = new PackageRef(Ecosystem.NPM, null, "react", "18.2.0");
    private static final PackageRef COMMONS_LANG =
            new PackageRef(Ecosystem.MAVEN, "org.apache.commons", "commons-lang3", "3.14.0");

    private final String prefix = "test:" + UUID.randomUUID() + ":licence:";
    private final UnifiedJedis redis = TestRedis.client();
    private final FakeRegistry npm = FakeRegistry.serving("npm");
    private final FakeRegistry maven = FakeRegistry.serving("maven");
    private final Registries registries = new Registries(new RegistrySettings(
            maven.baseUri(),
            npm.baseUri(),
            npm.baseUri(),
            npm.baseUri(),
            npm.baseUri(),
            npm.baseUri(),
            TestSettings.TIMEOUT,
            8,
            0,
            Duration.ofMillis(10),
            RegistrySettings.DEFAULT_MAX_BODY_BYTES));
    private final CachedLicenceRegistry cached =
            new CachedLicenceRegistry(registries, redis, prefix, new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        npm.close();
        maven.close();
        redis.close();
    }

    @Test
    void a_second_lookup_is_answered_from_the_cache() {
        // given
        Lookup first = cached.lookup(REACT);
        // when
        Lookup second = cached.lookup(REACT);
        // then
        assertThat(second).isEqualTo(first).isInstanceOf(Lookup.Found.class);
        assertThat(npm.requests()).hasSize(1);
    }

    @Test
    void hits_and_misses_are_counted() {
        // given
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        CachedLicenceRegistry counted = new CachedLicenceRegistry(registries, redis, prefix, metrics);
        // when
        counted.lookup(REACT);
        counted.lookup(REACT);
        counted.lookup(REACT);
        // then
        assertThat(metrics.get(CachedLicenceRegistry.LOOKUPS)
                        .tag("result", "miss")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(metrics.get(CachedLicenceRegistry.LOOKUPS)
                        .tag("result", "hit")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void a_found_licence_is_kept_for_a_long_time_under_the_purl() {
        // when
        cached.lookup(REACT);
        // then
        long ttl = redis.pttl(prefix + "pkg:npm/react@18.2.0");
        assertThat(Duration.ofMillis(ttl))
                .isGreaterThan(CachedLicenceRegistry.FOUND_TTL.minusMinutes(1))
                .isLessThanOrEqualTo(CachedLicenceRegistry.FOUND_TTL);
    }

    @Test
    void the_default_key_is_namespaced_by_purl() {
        assertThat(new CachedLicenceRegistry(registries, redis, new SimpleMeterRegistry()).key(REACT))
                .isEqualTo("ab:licence:pkg:npm/react@18.2.0");
    }

    @Test
    void an_inherited_licence_survives_the_cache_with_its_parent() {
        // given
        Lookup direct = registries.lookup(COMMONS_LANG);
        // when
        cached.lookup(COMMONS_LANG);
        Lookup fromCache = cached.lookup(COMMONS_LANG);
        // then
        assertThat(fromCache).isEqualTo(direct);
        assertThat(((Lookup.Found) fromCache).licence().inheritedFrom())
                .isEqualTo(new PackageRef(Ecosystem.MAVEN, "org.apache", "apache", "30"));
    }

    @Test
    void a_failure_is_cached_briefly() {
        // given
        npm.setDown(true);
        Lookup first = cached.lookup(REACT);
        // when
        Lookup second = cached.lookup(REACT);
        // then
        assertThat(second).isEqualTo(first).isEqualTo(new Lookup.Unknown("npm registry unreachable: HTTP 503"));
        assertThat(npm.requests()).hasSize(1);
        long ttl = redis.pttl(prefix + "pkg:npm/react@18.2.0");
        assertThat(Duration.ofMillis(ttl)).isPositive().isLessThanOrEqualTo(CachedLicenceRegistry.UNKNOWN_TTL);
    }

    @Test
    void an_unreadable_cache_entry_is_treated_as_a_miss() {
        // given
        redis.set(prefix + "pkg:npm/react@18.2.0", "{not json");
        // when
        Lookup lookup = cached.lookup(REACT);
        // then
        assertThat(lookup).isInstanceOf(Lookup.Found.class);
        assertThat(npm.requests()).hasSize(1);
    }

    @Test
    void with_redis_away_lookups_still_answer_from_the_registry() throws Exception {
        // given
        try (UnifiedJedis away =
                RedisClient.create(RegistryHttpTest.closedPort().toString().replace("http", "redis"))) {
            CachedLicenceRegistry withoutCache =
                    new CachedLicenceRegistry(registries, away, prefix, new SimpleMeterRegistry());
            // when
            Lookup first = withoutCache.lookup(REACT);
            Lookup second = withoutCache.lookup(REACT);
            // then
            assertThat(first).isInstanceOf(Lookup.Found.class);
            assertThat(second).isEqualTo(first);
            assertThat(npm.requests()).hasSize(2);
        }
    }
}
