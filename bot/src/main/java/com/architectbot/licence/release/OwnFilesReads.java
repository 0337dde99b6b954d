package com.architectbot.licence.release;

import com.architectbot.licence.release.OwnFiles.OwnFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the packages' own files on virtual threads, at most {@value #MAX_READS_AT_ONCE} at a time (a read holds
 * its archive in memory while it unpacks it), within one time budget: a read still running when it is spent is
 * {@link OwnFiles.Unavailable}, so the notices always come out. What a package gives is kept to
 * {@value #MAX_CHARS_PER_PACKAGE} characters over all its files, so thousands of packages cannot fill the heap.
 */
final class OwnFilesReads {

    /** Archives fetched and unpacked at the same time, over all registries. */
    static final int MAX_READS_AT_ONCE = 8;
    /** A package's own files, all together; the rest is cut (and marked cut). */
    static final int MAX_CHARS_PER_PACKAGE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(OwnFilesReads.class);

    private OwnFilesReads() {}

    static Map<String, OwnFiles> readAll(PackageFiles files, Collection<String> purls, Duration budget) {
        Map<String, Future<OwnFiles>> pending = new LinkedHashMap<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore slots = new Semaphore(MAX_READS_AT_ONCE);
        try {
            purls.forEach(purl -> pending.computeIfAbsent(purl, p -> executor.submit(() -> readOne(files, p, slots))));
            long deadline = System.nanoTime() + budget.toNanos();
            Map<String, OwnFiles> results = new LinkedHashMap<>();
            pending.forEach((purl, future) -> results.put(purl, await(purl, future, deadline, budget)));
            return results;
        } finally {
            executor.shutdownNow(); // reads past the budget are abandoned, not waited for
        }
    }

    private static OwnFiles readOne(PackageFiles files, String purl, Semaphore slots) throws InterruptedException {
        slots.acquire();
        try {
            return capped(files.read(purl));
        } finally {
            slots.release();
        }
    }

    /** The files as read, cut so that together they hold at most {@link #MAX_CHARS_PER_PACKAGE} characters. */
    static OwnFiles capped(OwnFiles read) {
        if (!(read instanceof OwnFiles.Read(List<OwnFile> all))) {
            return read;
        }
        List<OwnFile> kept = new ArrayList<>();
        int left = MAX_CHARS_PER_PACKAGE;
        for (OwnFile file : all) {
            if (left == 0) {
                kept.add(new OwnFile(file.path(), file.kind(), "", true));
            } else if (file.text().length() > left) {
                kept.add(new OwnFile(file.path(), file.kind(), file.text().substring(0, left), true));
                left = 0;
            } else {
                kept.add(file);
                left -= file.text().length();
            }
        }
        return new OwnFiles.Read(kept);
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
