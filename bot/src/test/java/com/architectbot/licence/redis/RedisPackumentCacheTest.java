package com.architectbot.licence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.licence.manifest.ManifestSettings;
import com.architectbot.licence.source.RegistryHttp;
import com.architectbot.licence.source.RegistryHttpTest;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.licence.source.TestSettings;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.TestRedis;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Packuments kept in Redis between checks: fresh ones without a request, older ones revalidated. */
class RedisPackumentCacheTest {

    private static final CheckInput.Manifest PACKAGE_JSON = new CheckInput.Manifest(
            "package.json", "{\"dependencies\": {\"debug\": \"^4.3.0\", \"is-odd\": \"^3.0.0\"}}");
    private static final List<String> PACKUMENTS = List.of("/debug", "/is-odd", "/ms", "/is-number");

    @TempDir
    Path folder;

    private final String prefix = "test:" + UUID.randomUUID() + ":packument:";
    private final UnifiedJedis redis = TestRedis.client();
    private final RedisPackumentCache cache = new RedisPackumentCache(redis, prefix);
    private final List<AutoCloseable> open = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        redis.close();
    }

    /** A check as a new CLI process makes it: its own resolver and HTTP path, the shared Redis. */
    private Resolution check(FakeRegistry registry, RedisPackumentCache packuments) {
        RegistryHttp http = new RegistryHttp(TestSettings.allAt(registry.baseUri(), TestSettings.TIMEOUT, 8, 0));
        ManifestSettings settings = new ManifestSettings(
                registry.baseUri(),
                registry.baseUri(),
                folder.resolve("maven"),
                TestSettings.TIMEOUT,
                TestSettings.TIMEOUT,
                0,
                RegistrySettings.DEFAULT_MAX_BODY_BYTES,
                ManifestSettings.DEFAULT_MAVEN_CONCURRENCY_PER_HOST);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (var resolver = new ManifestResolver(settings, spec -> null, http, packuments, clock)) {
            return resolver.resolve(List.of(PACKAGE_JSON), ResolveOptions.DEFAULT);
        } finally {
            http.close();
        }
    }

    private FakeRegistry registry(FakeRegistry fake) {
        open.add(fake);
        return fake;
    }

    @Test
    void a_second_check_within_the_ttl_makes_no_request_and_gives_the_same_tree() {
        // given
        FakeRegistry npm = registry(FakeRegistry.serving("npm-tree").withEtags());
        Resolution first = check(npm, cache);
        // when
        now = now.plus(Duration.ofMinutes(9));
        Resolution second = check(npm, cache);
        // then
        assertThat(npm.requests()).containsExactlyInAnyOrderElementsOf(PACKUMENTS);
        assertThat(second).isEqualTo(first);
        assertThat(second.dependencies())
                .hasSize(4)
                .allSatisfy(d -> assertThat(d.declared()).isNotNull());
    }

    @Test
    void past_the_ttl_the_etag_is_sent_and_a_304_keeps_the_packument_for_another_ttl() {
        // given
        FakeRegistry npm = registry(FakeRegistry.serving("npm-tree").withEtags());
        Resolution first = check(npm, cache);
        List<String> etags = npm.requestHeader("If-None-Match");
        // when: 11 minutes later, and once more 5 minutes after that
        now = now.plus(Duration.ofMinutes(11));
        Resolution revalidated = check(npm, cache);
        now = now.plus(Duration.ofMinutes(5));
        check(npm, cache);
        // then: the second round was conditional, the third not sent at all
        assertThat(etags).containsOnlyNulls();
        assertThat(npm.requests()).hasSize(8);
        assertThat(npm.requestHeader("If-None-Match").subList(4, 8))
                .allSatisfy(etag -> assertThat(etag).matches("\"[0-9a-f]+\""));
        assertThat(revalidated).isEqualTo(first);
        assertThat(redis.pttl(cache.key(npm.baseUri(), "debug")))
                .isGreaterThan(Duration.ofDays(1).toMillis());
    }

    @Test
    void a_registry_without_validators_is_asked_again_past_the_ttl_and_its_entries_expire_with_it() {
        // given
        FakeRegistry npm = registry(FakeRegistry.serving("npm-tree"));
        check(npm, cache);
        // when
        now = now.plus(Duration.ofMinutes(11));
        check(npm, cache);
        // then
        assertThat(npm.requests()).hasSize(8);
        assertThat(npm.requestHeader("If-None-Match")).containsOnlyNulls();
        assertThat(npm.requestHeader("If-Modified-Since")).containsOnlyNulls();
        assertThat(redis.pttl(cache.key(npm.baseUri(), "debug")))
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
    }

    @Test
    void with_redis_away_the_check_goes_straight_to_the_registry() throws Exception {
        // given
        FakeRegistry npm = registry(FakeRegistry.serving("npm-tree"));
        try (UnifiedJedis away =
                RedisClient.create(RegistryHttpTest.closedPort().toString().replace("http", "redis"))) {
            RedisPackumentCache unreachable = new RedisPackumentCache(away, prefix);
            // when
            Resolution first = check(npm, unreachable);
            Resolution second = check(npm, unreachable);
            // then
            assertThat(second).isEqualTo(first);
            assertThat(first.dependencies()).hasSize(4);
            assertThat(npm.requests()).hasSize(8);
        }
    }

    @Test
    void an_etag_with_line_breaks_or_10_kb_of_junk_is_never_kept_nor_sent_back() {
        // given: one registry sends a folded header, another 10 KB of junk
        FakeRegistry folded =
                registry(FakeRegistry.serving("npm-tree").withHeaders(Map.of("ETag", "\"a\"\r\n X-Injected: 1")));
        FakeRegistry junk = registry(FakeRegistry.serving("npm-tree").withHeaders(Map.of("ETag", "x".repeat(10_240))));
        check(folded, cache);
        check(junk, cache);
        // when
        now = now.plus(Duration.ofMinutes(11));
        Resolution again = check(folded, cache);
        check(junk, cache);
        // then
        assertThat(again.dependencies()).hasSize(4);
        assertThat(folded.requestHeader("If-None-Match")).containsOnlyNulls();
        assertThat(junk.requestHeader("If-None-Match")).containsOnlyNulls();
        assertThat(redis.get(cache.key(junk.baseUri(), "debug"))).doesNotContain("xxxx");
    }

    @Test
    void a_hostile_or_garbled_cache_entry_is_ignored_and_its_etag_never_sent() {
        // given: one entry garbled, one carrying an ETag with CR/LF, both long past their freshness
        FakeRegistry npm = registry(FakeRegistry.serving("npm-tree").withEtags());
        redis.set(cache.key(npm.baseUri(), "debug"), "{not json");
        redis.set(
                cache.key(npm.baseUri(), "ms"),
                "{\"tags\":{\"latest\":\"2.1.3\"},\"versions\":{},\"etag\":\"\\\"a\\\"\\r\\nX-Injected: 1\","
                        + "\"lastModified\":\"yesterday\\r\\n\",\"at\":0}");
        // when
        Resolution resolution = check(npm, cache);
        // then
        assertThat(resolution.dependencies()).extracting(Dependency::pkg).hasSize(4);
        assertThat(resolution.problems()).isEmpty();
        assertThat(npm.requestHeader("If-None-Match")).containsOnlyNulls();
        assertThat(npm.requestHeader("If-Modified-Since")).containsOnlyNulls();
        assertThat(npm.requestHeader("X-Injected")).containsOnlyNulls();
    }
}
