package com.architectbot.licence.manifest;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The Maven Resolver context a check runs in: only the configured repository, no user settings or
 * mirrors, the bot's cache folder as the local repository, and the resolver's timeouts, retries and
 * parallelism taken from the settings.
 */
final class MavenResolverContext {

    private static final String REPOSITORY_ID = "central";
    private static final long RETRY_INTERVAL_MS = 1_000;
    /** As long as the licence look-ups wait for a registry's {@code Retry-After}. */
    private static final long MAX_RETRY_AFTER_MS = 30_000;

    private MavenResolverContext() {}

    /** A new context; the caller closes it, as it holds the HTTP connections and the cache locks. */
    static Context open(ManifestSettings settings) {
        RemoteRepository repository = new RemoteRepository.Builder(
                        REPOSITORY_ID, "default", settings.mavenRepositoryUrl().toString())
                .build();
        Path userHome = settings.mavenCacheDir().toAbsolutePath().resolve(".user-home");
        ContextOverrides overrides = ContextOverrides.create()
                .withUserSettings(false)
                .withMavenUserHomeOverride(userHome) // no ~/.m2 settings, mirrors or toolchains
                .withLocalRepositoryOverride(settings.mavenCacheDir().toAbsolutePath())
                .repositories(List.of(repository))
                .addRepositoriesOp(ContextOverrides.AddRepositoriesOp.REPLACE)
                .ignoreArtifactDescriptorRepositories(true) // a POM must not send us to other hosts
                .checksumPolicy(checksumPolicy(settings.mavenRepositoryUrl()))
                .configProperties(resolverProperties(settings))
                .build();
        return new DataOnlyMavenRuntime(settings.mavenCacheDir()).create(overrides);
    }

    /** Maven Resolver's knobs for a check (measurements in docs/benchmarks.md). */
    private static Map<String, Object> resolverProperties(ManifestSettings settings) {
        int concurrency = settings.mavenConcurrencyPerHost();
        return Map.ofEntries(
                Map.entry("aether.connector.connectTimeout", (int)
                        settings.connectTimeout().toMillis()),
                Map.entry("aether.connector.requestTimeout", (int)
                        settings.requestTimeout().toMillis()),
                Map.entry("aether.connector.http.retryHandler.count", settings.retries()),
                Map.entry("aether.connector.http.retryHandler.interval", RETRY_INTERVAL_MS),
                // a 429 or 503 is retried after its Retry-After; a longer one than this is not waited for
                Map.entry("aether.connector.http.retryHandler.intervalMax", MAX_RETRY_AFTER_MS),
                // breadth-first collection fetches POMs in parallel: 3x faster cold (docs/benchmarks.md)
                Map.entry("aether.dependencyCollector.impl", "bf"),
                Map.entry("aether.dependencyCollector.bf.threads", concurrency),
                // the connection pool is the hard bound per host, whoever asks (collector threads, the root's POM)
                Map.entry("aether.connector.http.maxConnectionsPerRoute", concurrency));
    }

    /**
     * Over https a {@code .sha1} from the same server proves nothing TLS has not already proved, and costs a
     * second round trip per POM, so none is fetched. Over plain http the checksum is still checked (a mismatch
     * is logged, as Maven's default does); a repository that sends it in headers (Nexus, Artifactory) costs no
     * extra request.
     */
    private static ContextOverrides.ChecksumPolicy checksumPolicy(URI repository) {
        return "https".equalsIgnoreCase(repository.getScheme())
                ? ContextOverrides.ChecksumPolicy.IGNORE
                : ContextOverrides.ChecksumPolicy.WARN;
    }
}
