package com.architectbot.licence.manifest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reduced npm packuments kept between checks, shared by every replica and the CLI. Whether an entry is
 * fresh, or must be revalidated with the registry, is the reader's decision ({@link NpmPackuments}); the
 * cache only keeps and forgets. A cache that is away answers empty and drops writes: it speeds a check
 * up and never fails it.
 */
public interface PackumentCache {

    /** No cache: every check asks the registry. */
    PackumentCache NONE = new PackumentCache() {
        @Override
        public Optional<Entry> read(URI registry, String name) {
            return Optional.empty();
        }

        @Override
        public void write(URI registry, String name, Entry entry, Duration keepFor) {}
    };

    /**
     * A packument as fetched, with the validators the registry sent for revalidating it.
     *
     * @param etag the {@code ETag} to send as {@code If-None-Match}, or null
     * @param lastModified the {@code Last-Modified} to send as {@code If-Modified-Since}, or null
     */
    record Entry(NpmPackument packument, String etag, String lastModified, Instant fetchedAt) {

        public boolean revalidatable() {
            return etag != null || lastModified != null;
        }
    }

    Optional<Entry> read(URI registry, String name);

    void write(URI registry, String name, Entry entry, Duration keepFor);
}
