package com.architectbot.licence.source;

import static java.util.Objects.requireNonNull;

import com.architectbot.config.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the registries are and how hard to try. Base URLs point at the public registries by default
 * and at a company mirror (Nexus, Artifactory) when set; each ends in a slash.
 *
 * @param nugetUrl the NuGet V3 service index ({@code .../index.json}), or a base URL under which
 *     {@code v3/index.json} is the service index
 * @param retries extra attempts after a timeout, an I/O error, a 429 or a 5xx
 * @param retryBackoff the first wait between attempts; it doubles each time unless the registry sends
 *     {@code Retry-After}
 * @param maxBodyBytes the largest answer read from a registry (npm packuments, POMs, metadata); a larger
 *     one fails that package's look-up
 */
public record RegistrySettings(
        URI mavenUrl,
        URI npmUrl,
        URI pypiUrl,
        URI cratesUrl,
        URI nugetUrl,
        URI depsDevUrl,
        Duration timeout,
        int maxConcurrentPerHost,
        int retries,
        Duration retryBackoff,
        int maxBodyBytes) {

    public static final String MAVEN_REPOSITORY_URL = "MAVEN_REPOSITORY_URL";
    public static final String NPM_REGISTRY_URL = "NPM_REGISTRY_URL";
    public static final String PYPI_URL = "PYPI_URL";
    public static final String CRATES_URL = "CRATES_URL";
    public static final String NUGET_URL = "NUGET_URL";
    public static final String DEPS_DEV_URL = "DEPS_DEV_URL";
    public static final String REGISTRY_TIMEOUT_SECONDS = "REGISTRY_TIMEOUT_SECONDS";
    public static final String REGISTRY_MAX_CONCURRENCY_PER_HOST = "REGISTRY_MAX_CONCURRENCY_PER_HOST";
    public static final String REGISTRY_RETRIES = "REGISTRY_RETRIES";
    public static final String REGISTRY_RETRY_BACKOFF_MILLIS = "REGISTRY_RETRY_BACKOFF_MILLIS";
    public static final String REGISTRY_MAX_BODY_BYTES = "REGISTRY_MAX_BODY_BYTES";

    public static final String DEFAULT_MAVEN_URL = "https://repo1.maven.org/maven2/";
    public static final String DEFAULT_NPM_URL = "https://registry.npmjs.org/";
    public static final String DEFAULT_PYPI_URL = "https://pypi.org/";
    public static final String DEFAULT_CRATES_URL = "https://crates.io/";
    public static final String DEFAULT_NUGET_URL = "https://api.nuget.org/";
    public static final String DEFAULT_DEPS_DEV_URL = "https://api.deps.dev/";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * With 80-130 ms per request, 16 requests in flight per host keep one HTTP/2 connection busy (a
     * 450-package npm tree is fetched in a few seconds) while staying far below what public registries
     * throttle; a registry that does push back is answered by {@code Retry-After}.
     */
    public static final int DEFAULT_MAX_CONCURRENT_PER_HOST = 16;

    public static final int DEFAULT_RETRIES = 2;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
    /** The abbreviated packuments of the largest npm packages are a few MiB; 32 MiB leaves room and bounds memory. */
    public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
    /** Below this even a single POM would not fit. */
    public static final int MIN_MAX_BODY_BYTES = 64 * 1024;

    public RegistrySettings {
        mavenUrl = withTrailingSlash(mavenUrl, MAVEN_REPOSITORY_URL);
        npmUrl = withTrailingSlash(npmUrl, NPM_REGISTRY_URL);
        pypiUrl = withTrailingSlash(pypiUrl, PYPI_URL);
        cratesUrl = withTrailingSlash(cratesUrl, CRATES_URL);
        requireNonNull(nugetUrl, NUGET_URL);
        nugetUrl = nugetUrl.getPath().endsWith(".json") ? nugetUrl : withTrailingSlash(nugetUrl, NUGET_URL);
        depsDevUrl = withTrailingSlash(depsDevUrl, DEPS_DEV_URL);
        requireNonNull(timeout, REGISTRY_TIMEOUT_SECONDS);
        requireNonNull(retryBackoff, REGISTRY_RETRY_BACKOFF_MILLIS);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(REGISTRY_TIMEOUT_SECONDS + " must be positive, was " + timeout);
        }
        if (maxConcurrentPerHost < 1) {
            throw new IllegalArgumentException(
                    REGISTRY_MAX_CONCURRENCY_PER_HOST + " must be at least 1, was " + maxConcurrentPerHost);
        }
        if (retries < 0 || retryBackoff.isNegative()) {
            throw new IllegalArgumentException(REGISTRY_RETRIES + " and " + REGISTRY_RETRY_BACKOFF_MILLIS
                    + " must not be negative, were " + retries + " and " + retryBackoff.toMillis());
        }
        if (maxBodyBytes < MIN_MAX_BODY_BYTES) {
            throw new IllegalArgumentException(
                    REGISTRY_MAX_BODY_BYTES + " must be at least " + MIN_MAX_BODY_BYTES + ", was " + maxBodyBytes);
        }
    }

    /** The public registries with the default limits. */
    public static RegistrySettings defaults() {
        return from(new Environment(Map.of()));
    }

    /**
     * Reads the variables named by the constants of this class; unset or blank ones take the defaults.
     *
     * @throws IllegalArgumentException naming the variable when a value is not a URL or a number
     */
    public static RegistrySettings from(Environment env) {
        return new RegistrySettings(
                env.url(MAVEN_REPOSITORY_URL, DEFAULT_MAVEN_URL),
                env.url(NPM_REGISTRY_URL, DEFAULT_NPM_URL),
                env.url(PYPI_URL, DEFAULT_PYPI_URL),
                env.url(CRATES_URL, DEFAULT_CRATES_URL),
                env.url(NUGET_URL, DEFAULT_NUGET_URL),
                env.url(DEPS_DEV_URL, DEFAULT_DEPS_DEV_URL),
                env.seconds(REGISTRY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT),
                env.integer(REGISTRY_MAX_CONCURRENCY_PER_HOST, DEFAULT_MAX_CONCURRENT_PER_HOST, 1),
                env.integer(REGISTRY_RETRIES, DEFAULT_RETRIES, 0),
                Duration.ofMillis(
                        env.integer(REGISTRY_RETRY_BACKOFF_MILLIS, (int) DEFAULT_RETRY_BACKOFF.toMillis(), 0)),
                env.integer(REGISTRY_MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, MIN_MAX_BODY_BYTES));
    }

    private static URI withTrailingSlash(URI uri, String name) {
        requireNonNull(uri, name);
        return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }
}
