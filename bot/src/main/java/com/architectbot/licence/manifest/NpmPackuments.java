package com.architectbot.licence.manifest;

import com.architectbot.licence.source.NpmNames;
import com.architectbot.licence.source.RegistryHttp;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches npm packuments ({@code GET /<name>}), asking for the abbreviated form npm itself installs from
 * (registries that honour it leave READMEs out), reduced as they stream in ({@link NpmPackumentReader}).
 * A cached packument younger than {@link #FRESH_FOR} is used without asking; an older one is revalidated
 * with the validators the registry sent ({@code If-None-Match}, {@code If-Modified-Since}), and a registry
 * that sends none is asked again.
 */
final class NpmPackuments {

    /** How long a packument is used without asking: a new release shows up in a check within this. */
    static final Duration FRESH_FOR = Duration.ofMinutes(10);
    /** How long a packument with validators is kept for revalidation (a 304 costs no body). */
    static final Duration KEPT_FOR = Duration.ofDays(7);

    private static final String ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8";

    sealed interface Fetch {
        record Found(NpmPackument packument) implements Fetch {}

        record Missing() implements Fetch {}

        record Failed(String reason) implements Fetch {}
    }

    private final URI registry;
    private final RegistryHttp http;
    private final PackumentCache cache;
    private final Clock clock;

    NpmPackuments(URI registry, RegistryHttp http, PackumentCache cache, Clock clock) {
        this.registry = registry;
        this.http = http;
        this.cache = cache;
        this.clock = clock;
    }

    URI registry() {
        return registry;
    }

    /** Never throws: a registry that is away or does not know the name is a result. */
    Fetch fetch(String name) {
        if (!NpmNames.valid(name)) {
            return new Fetch.Failed("not a valid npm name");
        }
        Optional<PackumentCache.Entry> cached = cache.read(registry, name);
        Instant now = clock.instant();
        if (cached.isPresent() && cached.get().fetchedAt().plus(FRESH_FOR).isAfter(now)) {
            return new Fetch.Found(cached.get().packument());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", ABBREVIATED);
        cached.ifPresent(
                entry -> { // checked again: what comes back from the cache is as untrusted as the registry
                    NpmValidators.etag(Optional.ofNullable(entry.etag()))
                            .ifPresent(tag -> headers.put("If-None-Match", tag));
                    NpmValidators.lastModified(Optional.ofNullable(entry.lastModified()))
                            .ifPresent(date -> headers.put("If-Modified-Since", date));
                });
        // a scoped name keeps its '@' and encodes its slash, as the registry expects
        URI uri = registry.resolve(name.replace("/", "%2F"));
        return switch (http.get(uri, headers, NpmPackumentReader::read)) {
            case RegistryHttp.Answer.Read<NpmPackument> read -> {
                keep(name, fresh(read.value(), read.headers(), now));
                yield new Fetch.Found(read.value());
            }
            case RegistryHttp.Answer.NotModified<NpmPackument> notModified
            when cached.isPresent() -> {
                PackumentCache.Entry old = cached.get();
                keep(name, new PackumentCache.Entry(old.packument(), old.etag(), old.lastModified(), now));
                yield new Fetch.Found(old.packument());
            }
            case RegistryHttp.Answer.NotModified<NpmPackument> notModified ->
                new Fetch.Failed("HTTP 304 to a request that had nothing to revalidate");
            case RegistryHttp.Answer.NotFound<NpmPackument> notFound -> new Fetch.Missing();
            case RegistryHttp.Answer.Failed<NpmPackument> failed -> new Fetch.Failed(failed.reason());
        };
    }

    private static PackumentCache.Entry fresh(NpmPackument packument, HttpHeaders headers, Instant now) {
        return new PackumentCache.Entry(
                packument,
                NpmValidators.etag(headers.firstValue("ETag")).orElse(null),
                NpmValidators.lastModified(headers.firstValue("Last-Modified")).orElse(null),
                now);
    }

    private void keep(String name, PackumentCache.Entry entry) {
        cache.write(registry, name, entry, entry.revalidatable() ? KEPT_FOR : FRESH_FOR);
    }
}
