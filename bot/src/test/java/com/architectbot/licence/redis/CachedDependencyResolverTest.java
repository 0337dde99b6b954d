package com.architectbot.licence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.TreeLifetimes;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.licence.manifest.ManifestSettings;
import com.architectbot.licence.source.PackageSpecs;
import com.architectbot.licence.source.Registries;
import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.licence.source.TestSettings;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/**
 * Resolved trees shared in Redis, through the licence check as the bot wires it: the real manifest resolver
 * and registries on loopback fakes of Maven Central and npm that count requests. Each "replica" has a Maven
 * local repository of its own, so what one finds without asking a registry came from Redis.
 */
class CachedDependencyResolverTest {

    private static final CheckInput.Manifest POM = manifest("pom.xml");
    private static final CheckInput.Manifest PACKAGE_JSON = manifest("package.json");

    @TempDir
    Path caches;

    private final String prefix = "test:" + UUID.randomUUID() + ":";
    private final FakeRegistry central = FakeRegistry.serving("maven-tree");
    private final FakeRegistry npm = FakeRegistry.serving("npm-tree");
    private final UnifiedJedis redis = TestRedis.client();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        central.close();
        npm.close();
        redis.close();
    }

    @Test
    void the_same_pom_checked_again_on_another_replica_asks_no_registry_and_gives_the_same_report() {
        // given
        LicenceReport first = check(replica(redis), POM, ResolveOptions.DEFAULT);
        int asked = central.requests().size() + npm.requests().size();
        // when: another replica, whose Maven repository is empty
        LicenceReport second = check(replica(redis), POM, ResolveOptions.DEFAULT);
        // then
        assertThat(central.requests().size() + npm.requests().size()).isEqualTo(asked);
        assertThat(second).isEqualTo(first);
        assertThat(second.dependencies()).hasSizeGreaterThan(3);
        assertThat(count("hit")).isEqualTo(1);
        assertThat(count("miss")).isEqualTo(1);
    }

    @Test
    void a_pinned_tree_is_kept_for_days_under_a_hash() {
        // given
        Replica replica = replica(redis);
        // when
        replica.trees.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then
        String key = replica.trees.key(List.of(POM), ResolveOptions.DEFAULT);
        assertThat(key).matches(prefix + "tree:[0-9a-f]{64}");
        assertThat(Duration.ofMillis(redis.pttl(key)))
                .isGreaterThan(TreeLifetimes.PINNED_TTL.minusMinutes(1))
                .isLessThanOrEqualTo(TreeLifetimes.PINNED_TTL);
    }

    @Test
    void one_byte_more_in_the_manifest_is_another_tree() {
        // given
        replica(redis).trees.resolve(List.of(POM), ResolveOptions.DEFAULT);
        int asked = central.requests().size();
        var changed = new CheckInput.Manifest("pom.xml", POM.content() + " ");
        // when
        Replica other = replica(redis);
        other.trees.resolve(List.of(changed), ResolveOptions.DEFAULT);
        // then
        assertThat(central.requests().size()).isGreaterThan(asked);
        assertThat(other.trees.key(List.of(changed), ResolveOptions.DEFAULT))
                .isNotEqualTo(other.trees.key(List.of(POM), ResolveOptions.DEFAULT));
        assertThat(count("hit")).isZero();
    }

    @Test
    void other_options_are_another_tree() {
        // given
        Resolution runtime = replica(redis).trees.resolve(List.of(POM), ResolveOptions.DEFAULT);
        int asked = central.requests().size();
        // when
        Resolution withTests = replica(redis).trees.resolve(List.of(POM), new ResolveOptions(false, true));
        // then
        assertThat(central.requests().size()).isGreaterThan(asked);
        assertThat(names(runtime)).doesNotContain("junit");
        assertThat(names(withTests)).contains("junit");
    }

    @Test
    void a_snapshot_pom_a_ranged_pom_and_a_package_json_are_kept_only_briefly() {
        // given
        var snapshot = new CheckInput.Manifest(
                "pom.xml", POM.content().replace("<version>1.4.0</version>", "<version>1.5.0-SNAPSHOT</version>"));
        var ranged = new CheckInput.Manifest(
                "pom.xml", POM.content().replace("<version>1.7.25</version>", "<version>[1.7,1.8)</version>"));
        Replica replica = replica(redis);
        for (CheckInput.Manifest floating : List.of(snapshot, ranged, PACKAGE_JSON)) {
            // when
            replica.trees.resolve(List.of(floating), ResolveOptions.DEFAULT);
            // then
            assertThat(Duration.ofMillis(redis.pttl(replica.trees.key(List.of(floating), ResolveOptions.DEFAULT))))
                    .as("time to live of the tree of %s", floating)
                    .isGreaterThan(TreeLifetimes.FLOATING_TTL.minusMinutes(1))
                    .isLessThanOrEqualTo(TreeLifetimes.FLOATING_TTL);
        }
    }

    @Test
    void a_tree_a_registry_failed_to_complete_is_not_kept() {
        // given
        central.setDown(true);
        Replica replica = replica(redis);
        Resolution partial = replica.trees.resolve(List.of(POM), ResolveOptions.DEFAULT);
        String key = replica.trees.key(List.of(POM), ResolveOptions.DEFAULT);
        assertThat(redis.exists(key)).isFalse();
        central.setDown(false);
        // when
        Resolution whole = replica(redis).trees.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then
        assertThat(partial.problems()).isNotEmpty();
        assertThat(whole.problems()).isEmpty();
        assertThat(names(whole)).contains("jackson-databind");
        assertThat(redis.pttl(key)).isGreaterThan(TreeLifetimes.FLOATING_TTL.toMillis()); // whole and pinned: kept
    }

    @Test
    void a_lockfile_needs_no_registry_and_is_not_kept() {
        // given
        var lockfile = manifest("package-lock.json");
        Replica replica = replica(redis);
        // when
        Resolution resolution = replica.trees.resolve(List.of(lockfile), ResolveOptions.DEFAULT);
        // then
        assertThat(resolution.dependencies()).isNotEmpty();
        assertThat(redis.exists(replica.trees.key(List.of(lockfile), ResolveOptions.DEFAULT)))
                .isFalse();
        assertThat(count("miss")).isZero();
    }

    @Test
    void with_redis_stopped_the_check_still_works() throws Exception {
        // given: a Redis of this test's own, which it stops
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        try (UnifiedJedis own = RedisClient.create("redis://127.0.0.1:" + port)) {
            LicenceReport before = check(replica(own), POM, ResolveOptions.DEFAULT);
            server.stop();
            int asked = central.requests().size();
            // when
            LicenceReport during = check(replica(own), POM, ResolveOptions.DEFAULT);
            // then: resolved again, from the registry
            assertThat(during).isEqualTo(before);
            assertThat(central.requests().size()).isGreaterThan(asked);
        } finally {
            server.stop();
        }
    }

    @Test
    void a_manifest_cannot_choose_its_key_nor_grow_it_and_the_value_is_the_tree_not_the_input() {
        // given: one manifest named and filled to look like another's key, one stuffed with 4 MB of comment
        Replica replica = replica(redis);
        String pomKey = replica.trees.key(List.of(POM), ResolveOptions.DEFAULT);
        var lookalike = new CheckInput.Manifest("../" + pomKey, pomKey);
        var stuffed = new CheckInput.Manifest(
                "pom.xml", POM.content().replace("<properties>", "<!--" + "x".repeat(4_000_000) + "--><properties>"));
        // when
        replica.trees.resolve(List.of(POM), ResolveOptions.DEFAULT);
        replica.trees.resolve(List.of(stuffed), ResolveOptions.DEFAULT);
        // then
        String stuffedKey = replica.trees.key(List.of(stuffed), ResolveOptions.DEFAULT);
        String lookalikeKey = replica.trees.key(List.of(lookalike), ResolveOptions.DEFAULT);
        assertThat(List.of(pomKey, stuffedKey, lookalikeKey))
                .doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches(prefix + "tree:[0-9a-f]{64}"));
        assertThat(redis.get(stuffedKey)).isEqualTo(redis.get(pomKey)).hasSizeLessThan(10_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{not json",
                "null",
                "[]",
                "{\"schema\":99,\"packages\":[],\"dependencies\":[],\"problems\":[],\"stability\":\"PINNED\"}",
                "{\"schema\":1,\"packages\":[],\"dependencies\":[{\"pkg\":7,\"direct\":true,\"path\":[]}],"
                        + "\"problems\":[],\"stability\":\"PINNED\"}",
                "{\"schema\":1,\"packages\":[{\"ecosystem\":\"EVIL\",\"name\":\"x\"}],\"dependencies\":[],"
                        + "\"problems\":[],\"stability\":\"PINNED\"}"
            })
    void a_hostile_cached_value_is_ignored_and_overwritten(String hostile) {
        // given
        Replica replica = replica(redis);
        String key = replica.trees.key(List.of(POM), ResolveOptions.DEFAULT);
        redis.set(key, hostile);
        // when
        Resolution resolution = replica.trees.resolve(List.of(POM), ResolveOptions.DEFAULT);
        // then
        assertThat(names(resolution)).contains("jackson-databind", "slf4j-simple");
        assertThat(redis.get(key)).isNotEqualTo(hostile);
        assertThat(replica(redis).trees.resolve(List.of(POM), ResolveOptions.DEFAULT))
                .isEqualTo(resolution);
        assertThat(count("hit")).isEqualTo(1);
    }

    /** One bot's licence check, as BotFeatures wires it, with a Maven repository of its own. */
    private record Replica(ManifestResolver manifests, CachedDependencyResolver trees, LicenceService licences) {}

    private Replica replica(UnifiedJedis store) {
        Path mavenCache = caches.resolve(UUID.randomUUID().toString());
        var settings = new ManifestSettings(
                central.baseUri(),
                npm.baseUri(),
                mavenCache,
                TestSettings.TIMEOUT,
                Duration.ofSeconds(10),
                0,
                RegistrySettings.DEFAULT_MAX_BODY_BYTES,
                ManifestSettings.DEFAULT_MAVEN_CONCURRENCY_PER_HOST);
        var manifests = new ManifestResolver(settings, PackageSpecs::parse);
        var registries = new Registries(registrySettings(), mavenCache);
        open.add(manifests);
        open.add(registries);
        var trees = new CachedDependencyResolver(
                manifests,
                List.of(central.baseUri(), npm.baseUri()),
                TreeLifetimes.DEFAULT,
                store,
                prefix + "tree:",
                metrics);
        var licences = new LicenceService(
                trees,
                new CachedLicenceRegistry(registries, store, prefix + "licence:", metrics),
                LicenceSettings.DEFAULTS);
        return new Replica(manifests, trees, licences);
    }

    private RegistrySettings registrySettings() {
        return new RegistrySettings(
                central.baseUri(),
                npm.baseUri(),
                npm.baseUri(),
                npm.baseUri(),
                npm.baseUri(),
                npm.baseUri(),
                TestSettings.TIMEOUT,
                8,
                0,
                Duration.ofMillis(10),
                RegistrySettings.DEFAULT_MAX_BODY_BYTES);
    }

    private static LicenceReport check(Replica replica, CheckInput input, ResolveOptions options) {
        return replica.licences.check(List.of(input), replica.licences.policy(null, null), options);
    }

    private double count(String result) {
        return metrics.get(CachedDependencyResolver.LOOKUPS)
                .tag("result", result)
                .counter()
                .count();
    }

    private static List<String> names(Resolution resolution) {
        return resolution.dependencies().stream().map(d -> d.pkg().name()).toList();
    }

    private static CheckInput.Manifest manifest(String name) {
        try (InputStream in = CachedDependencyResolverTest.class.getResourceAsStream("/manifests/" + name)) {
            return new CheckInput.Manifest(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
