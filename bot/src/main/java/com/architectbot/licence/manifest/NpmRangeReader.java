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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * {@code package.json} without a lockfile: resolves each range against the registry as npm would,
 * breadth-first so each package keeps its shortest path, deduplicated by name@version. Each level's
 * packuments are fetched in parallel, a few at a time.
 */
final class NpmRangeReader implements ManifestReader {

    static final int MAX_DEPTH = 30;
    static final int MAX_PACKAGES = 3_000;
    static final int PARALLEL_FETCHES = 8;
    private static final List<String> RUNTIME = List.of("dependencies", "optionalDependencies");

    private record Want(String name, String range, List<PackageRef> path) {}

    private static final NpmPackuments.Fetch NOT_FETCHED = new NpmPackuments.Fetch.Failed("no answer was recorded");

    private final NpmPackuments packuments;

    NpmRangeReader(NpmPackuments packuments) {
        this.packuments = packuments;
    }

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        JsonNode root = JsonManifest.parse(manifest);
        String file = Malformed.label(manifest);
        List<String> kinds = new ArrayList<>(RUNTIME);
        if (options.includeTestScopes()) {
            kinds.add("devDependencies");
        }
        Map<String, NpmPackuments.Fetch> fetched = new ConcurrentHashMap<>();
        Map<PackageRef, Dependency> found = new LinkedHashMap<>();
        Set<String> problems = new LinkedHashSet<>();
        rejectInvalidNames(manifest, root, kinds);
        List<Want> level = wants(root, kinds, List.of(), file, problems);
        boolean registryFailed = false;
        for (int depth = 0; !level.isEmpty(); depth++) {
            if (depth == MAX_DEPTH || found.size() >= MAX_PACKAGES) {
                problems.add(file + ": the npm tree was cut at " + found.size() + " packages and depth " + depth
                        + "; give package-lock.json for the whole tree");
                break;
            }
            fetchAll(level, fetched);
            List<Want> next = new ArrayList<>();
            for (Want want : level) {
                NpmPackuments.Fetch fetch = fetched.getOrDefault(want.name(), NOT_FETCHED);
                registryFailed |= fetch instanceof NpmPackuments.Fetch.Failed;
                Optional<PackageRef> pkg = pick(want, fetch, file, problems);
                if (pkg.isEmpty() || found.containsKey(pkg.get()) || found.size() >= MAX_PACKAGES) {
                    continue;
                }
                found.put(pkg.get(), new Dependency(pkg.get(), want.path().isEmpty(), want.path(), null));
                if (!options.directOnly()) {
                    JsonNode manifestOfVersion = fetched.get(want.name()) instanceof NpmPackuments.Fetch.Found f
                            ? f.packument().path("versions").path(pkg.get().version())
                            : null;
                    next.addAll(wants(manifestOfVersion, RUNTIME, append(want.path(), pkg.get()), file, problems));
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

    private static List<Want> wants(
            JsonNode manifest, List<String> kinds, List<PackageRef> path, String file, Set<String> problems) {
        List<Want> wants = new ArrayList<>();
        if (manifest == null) {
            return wants;
        }
        for (String kind : kinds) {
            for (Map.Entry<String, JsonNode> dependency : JsonManifest.fields(manifest.get(kind))) {
                String name = dependency.getKey();
                String range = dependency.getValue().asText("");
                if (range.startsWith("npm:")) { // an alias: "npm:real-name@range"
                    String[] target = aliasTarget(range);
                    name = target[0];
                    range = target[1];
                }
                if (!NpmNames.valid(name)) { // only from a registry's packument: the user's are checked first
                    problems.add(file + ": \"" + Malformed.echo(name) + "\" (needed by "
                            + (path.isEmpty() ? file : path.getLast())
                            + ") is not a valid npm name; it is not checked");
                } else if (NpmVersions.fromRegistry(range)) {
                    wants.add(new Want(name, range, path));
                } else {
                    problems.add(file + ": " + name + "@" + range
                            + " does not come from the npm registry; it is not checked");
                }
            }
        }
        return wants;
    }

    /** An invalid name in the user's own file is bad input, as npm itself refuses the file. */
    private static void rejectInvalidNames(CheckInput.Manifest manifest, JsonNode root, List<String> kinds) {
        for (String kind : kinds) {
            for (Map.Entry<String, JsonNode> dependency : JsonManifest.fields(root.get(kind))) {
                String range = dependency.getValue().asText("");
                String name = range.startsWith("npm:") ? aliasTarget(range)[0] : dependency.getKey();
                if (!NpmNames.valid(name)) {
                    throw Malformed.manifest(
                            manifest,
                            "\"" + Malformed.echo(name) + "\" in " + kind + " is not a valid npm package name ("
                                    + NpmNames.RULE + ")");
                }
            }
        }
    }

    /** {@code npm:real-name@range} as {name, range}. */
    private static String[] aliasTarget(String range) {
        String target = range.substring(4);
        int at = target.lastIndexOf('@');
        return at > 0
                ? new String[] {target.substring(0, at), target.substring(at + 1)}
                : new String[] {target, "latest"};
    }

    private void fetchAll(List<Want> level, Map<String, NpmPackuments.Fetch> fetched) {
        Semaphore permits = new Semaphore(PARALLEL_FETCHES);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            level.stream()
                    .map(Want::name)
                    .distinct()
                    .filter(name -> !fetched.containsKey(name))
                    .forEach(name -> executor.submit(() -> {
                        permits.acquireUninterruptibly();
                        try {
                            fetched.put(name, packuments.fetch(name));
                        } finally {
                            permits.release();
                        }
                    }));
        }
    }

    private static List<PackageRef> append(List<PackageRef> path, PackageRef pkg) {
        List<PackageRef> longer = new ArrayList<>(path);
        longer.add(pkg);
        return List.copyOf(longer);
    }
}
