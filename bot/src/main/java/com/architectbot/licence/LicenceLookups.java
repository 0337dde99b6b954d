package com.architectbot.licence;

import com.architectbot.licence.LicenceRegistry.Lookup;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Asks the registry for every package the input carries no licence for, each once, all at the same
 * time on virtual threads (the registry limits its own per-host concurrency), within one time budget.
 * A look-up that fails, or is still running when the budget is spent, is an {@link Lookup.Unknown}.
 */
final class LicenceLookups {

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
        List<PackageRef> undeclared = dependencies.stream()
                .filter(dependency -> !LicenceService.hasDeclared(dependency))
                .map(Dependency::pkg)
                .toList();
        // the registry limits its own per-host concurrency: every look-up may start at once
        return new Results(WithinBudget.askAll(undeclared, registry::lookup, Integer.MAX_VALUE, budget, this::unknown));
    }

    private Lookup unknown(WithinBudget.Miss miss) {
        return new Lookup.Unknown(
                switch (miss) {
                    case WithinBudget.Miss.Late late -> "no registry answer within " + readable(budget);
                    case WithinBudget.Miss.Failed failed ->
                        "the look-up failed: " + failed.cause().getClass().getSimpleName();
                    case WithinBudget.Miss.Interrupted interrupted -> "the check was interrupted";
                    case WithinBudget.Miss.NoAnswer none -> "the registry gave no answer";
                });
    }

    private static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }
}
