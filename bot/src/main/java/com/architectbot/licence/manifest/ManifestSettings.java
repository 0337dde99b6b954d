package com.architectbot.licence.manifest;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import com.architectbot.licence.source.RegistrySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where manifest resolution fetches from and caches to.
 *
 * @param mavenRepositoryUrl the one Maven repository trees are resolved against (Central or a company
 *     mirror); repositories declared inside POMs are ignored
 * @param npmRegistryUrl where package.json ranges are resolved
 * @param mavenCacheDir the bot's own local Maven repository; never the user's {@code ~/.m2}
 * @param retries extra attempts per Maven request after a failure
 * @param maxBodyBytes the largest npm packument read; a larger one fails that package
 * @param mavenConcurrencyPerHost the most POM requests in flight at once to the Maven repository while a
 *     tree is built (the resolver's collector threads and its connection pool)
 */
public record ManifestSettings(
        URI mavenRepositoryUrl,
        URI npmRegistryUrl,
        Path mavenCacheDir,
        Duration connectTimeout,
        Duration requestTimeout,
        int retries,
        int maxBodyBytes,
        int mavenConcurrencyPerHost) {

    public static final String MAVEN_CACHE_DIR = "MAVEN_CACHE_DIR";
    public static final Path DEFAULT_MAVEN_CACHE_DIR = Path.of("data", "maven-cache");
    public static final String MAVEN_MAX_CONCURRENCY_PER_HOST = "MAVEN_MAX_CONCURRENCY_PER_HOST";
    /**
     * A cold tree of ~300 POMs is bound by round trips (~100 ms each to Central): 16 at once keep the link
     * busy and stay polite (Maven's own HTTP transport allows 50 connections per host).
     */
    public static final int DEFAULT_MAVEN_CONCURRENCY_PER_HOST = 16;

    public ManifestSettings {
        mavenRepositoryUrl = withTrailingSlash(mavenRepositoryUrl);
        npmRegistryUrl = withTrailingSlash(npmRegistryUrl);
        requireNonNull(mavenCacheDir, MAVEN_CACHE_DIR);
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(requestTimeout, "requestTimeout");
        if (mavenConcurrencyPerHost < 1) {
            throw new IllegalArgumentException(
                    MAVEN_MAX_CONCURRENCY_PER_HOST + " must be at least 1, was " + mavenConcurrencyPerHost);
        }
    }

    /** The registries' URLs, timeout and retries are the licence look-ups' own; only the cache is ours. */
    public static ManifestSettings from(RegistrySettings registries, Environment env) {
        return new ManifestSettings(
                registries.mavenUrl(),
                registries.npmUrl(),
                Path.of(env.string(MAVEN_CACHE_DIR, DEFAULT_MAVEN_CACHE_DIR.toString())),
                registries.timeout(),
                registries.timeout(),
                registries.retries(),
                registries.maxBodyBytes(),
                env.integer(MAVEN_MAX_CONCURRENCY_PER_HOST, DEFAULT_MAVEN_CONCURRENCY_PER_HOST, 1));
    }

    /** Maven Resolver and our npm client resolve paths against the base: it must end in a slash. */
    private static URI withTrailingSlash(URI url) {
        requireNonNull(url, "url");
        return url.toString().endsWith("/") ? url : URI.create(url + "/");
    }
}
