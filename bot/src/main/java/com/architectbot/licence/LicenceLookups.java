package com.architectbot.licence;

import com.architectbot.licence.LicenceRegistry.Lookup;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Asks the registry for every package the input carries no licence for, each once, all at the same
 * time on virtual threads (the registry limits its own per-host concurrency), within one time budget.
 * A look-up that fails, or is still running when the budget is spent, is an {@link Lookup.Unknown}.
 */
final class LicenceLookups {

    private static final Logger LOG = LoggerFactory.getLogger(LicenceLookups.class);

    private final LicenceRegistry registry;
    private final Duration budget;

    LicenceLookups(LicenceRegistry registry, Duration budget) {
        this.registry = registry;
        this.budget = budget;
    }

    /** The answers, by package. */
    record Results(Map<PackageRef, Lookup> byPackage) {
        Lookup of(PackageRef pkg) {
            return byPackage.getOrDefault(pkg, new Lookup.Unknown("not looked up"));
        }
    }

    Results lookUp(List<Dependency> dependencies) {
        Map<PackageRef, Future<Lookup>> pending = new LinkedHashMap<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (Dependency dependency : dependencies) {
                if (!LicenceService.hasDeclared(dependency)) {
                    pending.computeIfAbsent(dependency.pkg(), pkg -> executor.submit(() -> registry.lookup(pkg)));
                }
            }
            return new Results(collect(pending));
        } finally {
            executor.shutdownNow();
        }
    }

    private Map<PackageRef, Lookup> collect(Map<PackageRef, Future<Lookup>> pending) {
        long deadline = System.nanoTime() + budget.toNanos();
        Map<PackageRef, Lookup> results = new LinkedHashMap<>();
        for (Map.Entry<PackageRef, Future<Lookup>> entry : pending.entrySet()) {
            results.put(entry.getKey(), await(entry.getKey(), entry.getValue(), deadline));
        }
        return results;
    }

    private static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    private Lookup await(PackageRef pkg, Future<Lookup> future, long deadline) {
        try {
            Lookup lookup = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return lookup != null ? lookup : new Lookup.Unknown("the registry gave no answer");
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Lookup.Unknown("no registry answer within " + readable(budget));
        } catch (ExecutionException e) {
            LOG.warn("licence look-up for {} failed", pkg, e.getCause());
            return new Lookup.Unknown(
                    "the look-up failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Lookup.Unknown("the check was interrupted");
        }
    }
}
