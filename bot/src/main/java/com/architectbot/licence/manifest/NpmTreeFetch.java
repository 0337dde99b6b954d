package com.architectbot.licence.manifest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * The packuments of one check, each fetched once, as soon as it is wanted: when a packument arrives, the
 * version a wanting range picks is worked out at once and its own requirements are fetched, without
 * waiting for the rest of its level. The tree is still walked breadth-first by {@link NpmRangeReader},
 * which only reads the answers, so shortest paths stay as deterministic as the registry's answers.
 * At most as many packuments are being fetched (cache read, request, reading) at once as the HTTP path lets
 * requests be in flight per host: more would only queue, holding cache connections while they wait.
 */
final class NpmTreeFetch implements AutoCloseable {

    private static final NpmPackuments.Fetch STOPPED = new NpmPackuments.Fetch.Failed("the check was stopped");

    private final NpmPackuments packuments;
    private final boolean deep;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore fetching;
    private final Map<String, CompletableFuture<NpmPackuments.Fetch>> byName = new ConcurrentHashMap<>();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Set<String> expanded = ConcurrentHashMap.newKeySet();

    /** @param deep whether what a picked version requires is fetched ahead too (not for direct-only checks) */
    NpmTreeFetch(NpmPackuments packuments, int atOnce, boolean deep) {
        this.packuments = packuments;
        this.fetching = new Semaphore(atOnce);
        this.deep = deep;
    }

    /** Starts fetching the packument of {@code name} (once), and then what the version for {@code range} needs. */
    void want(String name, String range, int depth) {
        CompletableFuture<NpmPackuments.Fetch> fetch;
        try {
            fetch = byName.computeIfAbsent(name, n -> CompletableFuture.supplyAsync(() -> fetch(n), executor));
        } catch (RejectedExecutionException e) { // closed: the walk is over
            return;
        }
        if (deep && depth < NpmRangeReader.MAX_DEPTH && wanted.add(name + "@" + range)) {
            fetch.thenAcceptAsync(answer -> ahead(name, range, answer, depth), executor);
        }
    }

    private NpmPackuments.Fetch fetch(String name) {
        try {
            fetching.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return STOPPED;
        }
        try {
            return packuments.fetch(name);
        } finally {
            fetching.release();
        }
    }

    /** The answer for a wanted name, waiting for it if need be. */
    NpmPackuments.Fetch answer(String name) {
        CompletableFuture<NpmPackuments.Fetch> fetch = byName.get(name);
        return fetch == null ? STOPPED : fetch.exceptionally(e -> STOPPED).join();
    }

    private void ahead(String name, String range, NpmPackuments.Fetch answer, int depth) {
        if (!(answer instanceof NpmPackuments.Fetch.Found found) || expanded.size() >= NpmRangeReader.MAX_PACKAGES) {
            return;
        }
        NpmVersions.pick(found.packument(), range)
                .filter(version -> expanded.add(name + "@" + version))
                .map(version -> found.packument().versions().get(version))
                .ifPresent(release -> NpmRequirement.ofRelease(release)
                        .forEach(requirement -> want(requirement.name(), requirement.range(), depth + 1)));
    }

    /** Stops what is still being fetched ahead (past the tree's cut, say). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
