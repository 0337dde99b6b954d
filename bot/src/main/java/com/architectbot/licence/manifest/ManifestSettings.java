package com.architectbot.licence.manifest;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where manifest resolution fetches from and caches to.
 *
 * @param mavenRepositoryUrl the one Maven repository trees are resolved against (Central or a company
 *     mirror); repositories declared inside POMs are ignored
 * @param npmRegistryUrl where package.json ranges are resolved
 * @param mavenCacheDir the bot's own local Maven repository; never the user's {@code ~/.m2}
 * @param retries extra attempts per Maven request after a failure
 */
public record ManifestSettings(URI mavenRepositoryUrl, URI npmRegistryUrl, Path mavenCacheDir,
                               Duration connectTimeout, Duration requestTimeout, int retries) {

    public static final String MAVEN_REPOSITORY_URL = "MAVEN_REPOSITORY_URL";
    public static final String NPM_REGISTRY_URL = "NPM_REGISTRY_URL";
    public static final String MAVEN_CACHE_DIR = "MAVEN_CACHE_DIR";
    public static final String CONNECT_TIMEOUT_MS = "REGISTRY_CONNECT_TIMEOUT_MS";
    public static final String REQUEST_TIMEOUT_MS = "REGISTRY_REQUEST_TIMEOUT_MS";
    public static final String RETRIES = "REGISTRY_RETRIES";

    public static final URI DEFAULT_MAVEN_REPOSITORY = URI.create("https://repo.maven.apache.org/maven2/");
    public static final URI DEFAULT_NPM_REGISTRY = URI.create("https://registry.npmjs.org/");
    public static final Path DEFAULT_MAVEN_CACHE_DIR = Path.of("data", "maven-cache");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_RETRIES = 1;

    public ManifestSettings {
        mavenRepositoryUrl = baseUrl(mavenRepositoryUrl, MAVEN_REPOSITORY_URL);
        npmRegistryUrl = baseUrl(npmRegistryUrl, NPM_REGISTRY_URL);
        requireNonNull(mavenCacheDir, MAVEN_CACHE_DIR);
        requirePositive(connectTimeout, CONNECT_TIMEOUT_MS);
        requirePositive(requestTimeout, REQUEST_TIMEOUT_MS);
        if (retries < 0) {
            throw new IllegalArgumentException(RETRIES + " must be 0 or more, was " + retries);
        }
    }

    /** Reads the settings from environment-style variables; missing ones take the defaults above. */
    public static ManifestSettings from(Map<String, String> env) {
        return new ManifestSettings(
                uri(env, MAVEN_REPOSITORY_URL, DEFAULT_MAVEN_REPOSITORY),
                uri(env, NPM_REGISTRY_URL, DEFAULT_NPM_REGISTRY),
                blank(env.get(MAVEN_CACHE_DIR)) ? DEFAULT_MAVEN_CACHE_DIR : Path.of(env.get(MAVEN_CACHE_DIR).strip()),
                millis(env, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT),
                millis(env, REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT),
                blank(env.get(RETRIES)) ? DEFAULT_RETRIES : integer(env, RETRIES));
    }

    private static URI uri(Map<String, String> env, String name, URI fallback) {
        String value = env.get(name);
        if (blank(value)) {
            return fallback;
        }
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + value.strip(), e);
        }
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        return blank(env.get(name)) ? fallback : Duration.ofMillis(integer(env, name));
    }

    private static int integer(Map<String, String> env, String name) {
        try {
            return Integer.parseInt(env.get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + env.get(name), e);
        }
    }

    private static URI baseUrl(URI url, String name) {
        requireNonNull(url, name);
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL, was " + url);
        }
        return url.toString().endsWith("/") ? url : URI.create(url + "/");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
