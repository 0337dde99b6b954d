package com.architectbot.licence.release;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every package's own files at the same time on virtual threads (the registry client limits its own
 * per-host concurrency), within one time budget: a read still running when it is spent is
 * {@link OwnFiles.Unavailable}, so the notices always come out.
 */
final class OwnFilesReads {

    private static final Logger LOG = LoggerFactory.getLogger(OwnFilesReads.class);

    private OwnFilesReads() {}

    static Map<String, OwnFiles> readAll(PackageFiles files, Collection<String> purls, Duration budget) {
        Map<String, Future<OwnFiles>> pending = new LinkedHashMap<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            purls.forEach(purl -> pending.computeIfAbsent(purl, p -> executor.submit(() -> files.read(p))));
            long deadline = System.nanoTime() + budget.toNanos();
            Map<String, OwnFiles> results = new LinkedHashMap<>();
            pending.forEach((purl, future) -> results.put(purl, await(purl, future, deadline, budget)));
            return results;
        } finally {
            executor.shutdownNow(); // reads past the budget are abandoned, not waited for
        }
    }

    private static OwnFiles await(String purl, Future<OwnFiles> future, long deadline, Duration budget) {
        try {
            OwnFiles read = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return read != null ? read : new OwnFiles.Unavailable("the registry gave no answer");
        } catch (TimeoutException e) {
            future.cancel(true);
            return new OwnFiles.Unavailable("no answer within " + budget.toSeconds() + " s");
        } catch (ExecutionException e) {
            LOG.warn("reading the licence files of {} failed", purl, e.getCause());
            return new OwnFiles.Unavailable(
                    "the read failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new OwnFiles.Unavailable("interrupted");
        }
    }
}
