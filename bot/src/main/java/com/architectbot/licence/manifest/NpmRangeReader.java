package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.DependencyResolver.Stability;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.NpmNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code package.json} without a lockfile: resolves each range against the registry as npm would,
 * breadth-first so each package keeps its shortest path, deduplicated by name@version. Packuments are
 * fetched as soon as they are wanted ({@link NpmTreeFetch}); each picked version carries the licence its
 * packument declares, so only versions that declare none are looked up again.
 */
final class NpmRangeReader implements ManifestReader {

    static final int MAX_DEPTH = 30;
    static final int MAX_PACKAGES = 3_000;
    /** What one published version may ask for; past it, the rest are not fetched (as Maven's TreeBounds). */
    static final int MAX_DEPENDENCIES_PER_RELEASE = 1_000;

    private static final List<String> RUNTIME = List.of("dependencies", "optionalDependencies");

    private record Want(String name, String range, List<PackageRef> path) {}

    private final NpmPackuments packuments;
    private final int fetchesAtOnce;

    /** @param fetchesAtOnce how many packuments are fetched at the same time: the per-host request limit */
    NpmRangeReader(NpmPackuments packuments, int fetchesAtOnce) {
        this.packuments = packuments;
        this.fetchesAtOnce = fetchesAtOnce;
    }

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        JsonNode root = JsonManifest.parse(manifest);
        String file = Malformed.label(manifest);
        List<String> kinds = new ArrayList<>(RUNTIME);
        if (options.includeTestScopes()) {
            kinds.add("devDependencies");
        }
        List<NpmRequirement> direct = new ArrayList<>();
        for (String kind : kinds) {
            direct.addAll(NpmRequirement.ofManifest(manifest, root, kind));
        }
        try (NpmTreeFetch fetches = new NpmTreeFetch(packuments, fetchesAtOnce, !options.directOnly())) {
            return walk(fetches, direct, file, options);
        }
    }

    private Resolution walk(NpmTreeFetch fetches, List<NpmRequirement> direct, String file, ResolveOptions options) {
        Map<PackageRef, Dependency> found = new LinkedHashMap<>();
        Set<String> problems = new LinkedHashSet<>();
        List<Want> level = wants(direct, List.of(), file, problems, fetches, 0);
        boolean registryFailed = false;
        for (int depth = 0; !level.isEmpty(); depth++) {
            if (depth == MAX_DEPTH || found.size() >= MAX_PACKAGES) {
                problems.add(file + ": the npm tree was cut at " + found.size() + " packages and depth " + depth
                        + "; give package-lock.json for the whole tree");
                break;
            }
            List<Want> next = new ArrayList<>();
            for (Want want : level) {
                NpmPackuments.Fetch answer = fetches.answer(want.name());
                registryFailed |= answer instanceof NpmPackuments.Fetch.Failed;
                Optional<PackageRef> pkg = pick(want, answer, file, problems);
                if (pkg.isEmpty() || found.containsKey(pkg.get()) || found.size() >= MAX_PACKAGES) {
                    continue;
                }
                NpmPackument.Release release = answer instanceof NpmPackuments.Fetch.Found f
                        ? f.packument().versions().get(pkg.get().version())
                        : null;
                found.put(pkg.get(), dependency(pkg.get(), want, release, file, problems));
                if (!options.directOnly() && release != null) {
                    List<PackageRef> path = append(want.path(), pkg.get());
                    next.addAll(
                            wants(NpmRequirement.ofRelease(release, false), path, file, problems, fetches, depth + 1));
                    if (release.dependencies().size()
                                    + release.optionalDependencies().size()
                            > MAX_DEPENDENCIES_PER_RELEASE) {
                        problems.add(file + ": npm tree cut: " + want.name() + "@"
                                + pkg.get().version()
                                + " declares more than " + MAX_DEPENDENCIES_PER_RELEASE
                                + " dependencies: the rest are not checked");
                    }
                }
            }
            level = next;
        }
        // ranges pick the newest match: a publication can change the tree, so it is never pinned
        return new Resolution(
                List.copyOf(found.values()),
                List.copyOf(problems),
                registryFailed ? Stability.REGISTRY_FAILED : Stability.FLOATING);
    }

    private static Dependency dependency(
            PackageRef pkg, Want want, NpmPackument.Release release, String file, Set<String> problems) {
        if (release != null && release.licenceCut()) {
            problems.add(file + ": the licence " + pkg.purl() + " declares is longer than "
                    + NpmPackument.MAX_LICENCE_CHARS + " characters; only its start was read");
        }
        return new Dependency(pkg, want.path().isEmpty(), want.path(), release == null ? null : release.declared());
    }

    private Optional<PackageRef> pick(Want want, NpmPackuments.Fetch fetch, String file, Set<String> problems) {
        String needed = want.name() + "@" + want.range()
                + (want.path().isEmpty() ? "" : " (needed by " + want.path().getLast() + ")");
        return switch (fetch) {
            case NpmPackuments.Fetch.Missing missing -> {
                problems.add(file + ": " + want.name() + " is not in the npm registry at " + packuments.registry()
                        + "; " + needed + " is not checked");
                yield Optional.empty();
            }
            case NpmPackuments.Fetch.Failed failed -> {
                problems.add(file + ": npm registry " + packuments.registry() + " did not answer for " + want.name()
                        + " (" + failed.reason() + "); " + needed
                        + " and what it depends on are missing from the tree");
                yield Optional.empty();
            }
            case NpmPackuments.Fetch.Found found -> {
                Optional<String> version = NpmVersions.pick(found.packument(), want.range());
                if (version.isEmpty()) {
                    problems.add(file + ": no published version of " + want.name() + " matches \"" + want.range()
                            + "\"; " + needed + " is not checked");
                }
                yield version.map(v -> Packages.npm(want.name(), v));
            }
        };
    }

    /** The resolvable requirements as wants, started fetching; the others as problems. */
    private static List<Want> wants(
            List<NpmRequirement> requirements,
            List<PackageRef> path,
            String file,
            Set<String> problems,
            NpmTreeFetch fetches,
            int depth) {
        List<Want> wants = new ArrayList<>();
        for (NpmRequirement requirement : requirements) {
            if (!NpmNames.valid(requirement.name())) { // only from a registry's packument: the user's are checked first
                problems.add(file + ": \"" + Malformed.echo(requirement.name()) + "\" (needed by "
                        + (path.isEmpty() ? file : path.getLast()) + ") is not a valid npm name; it is not checked");
            } else if (requirement.resolvable()) {
                fetches.want(requirement.name(), requirement.range(), depth);
                wants.add(new Want(requirement.name(), requirement.range(), path));
            } else {
                problems.add(file + ": " + requirement.name() + "@" + requirement.range()
                        + " does not come from the npm registry; it is not checked");
            }
        }
        return wants;
    }

    private static List<PackageRef> append(List<PackageRef> path, PackageRef pkg) {
        List<PackageRef> longer = new ArrayList<>(path);
        longer.add(pkg);
        return List.copyOf(longer);
    }
}
