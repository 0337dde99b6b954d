package com.architectbot.licence.manifest;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.PackageRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dependency graph read from a lockfile or an SBOM, keyed by the file's own ids. Walking it
 * breadth-first from the direct dependencies gives each package its shortest path, which is the
 * one a reader of the report can follow.
 */
final class DependencyGraph {

    private record Node(PackageRef pkg, DeclaredLicence declared) {}

    private record Step(String id, List<PackageRef> path) {}

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Set<String>> edges = new LinkedHashMap<>();

    void add(String id, PackageRef pkg, DeclaredLicence declared) {
        nodes.putIfAbsent(id, new Node(pkg, declared));
    }

    void link(String from, String to) {
        edges.computeIfAbsent(from, key -> new LinkedHashSet<>()).add(to);
    }

    boolean contains(String id) {
        return nodes.containsKey(id);
    }

    Set<String> ids() {
        return nodes.keySet();
    }

    /** The ids the given one links to, whether they are packages or not. */
    Set<String> targets(String from) {
        return edges.getOrDefault(from, Set.of());
    }

    /**
     * @param direct the ids of the direct dependencies; ids without a package are passed through
     *     (a subject's own id, a workspace member) without being listed
     * @param unreachedAsDirect whether packages the walk never reaches are listed as direct: an SBOM
     *     lists what ships, so what it lists is checked even when its graph is incomplete
     */
    List<Dependency> walk(Collection<String> direct, boolean directOnly, boolean unreachedAsDirect) {
        Map<PackageRef, Dependency> found = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<Step> queue = new ArrayDeque<>();
        direct.forEach(id -> queue.add(new Step(id, List.of())));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            if (!seen.add(step.id())) {
                continue;
            }
            Node node = nodes.get(step.id());
            List<PackageRef> childPath = step.path();
            if (node != null) {
                found.putIfAbsent(
                        node.pkg(), new Dependency(node.pkg(), step.path().isEmpty(), step.path(), node.declared()));
                childPath = append(step.path(), node.pkg());
            }
            for (String target : targets(step.id())) {
                queue.add(new Step(target, childPath));
            }
        }
        if (unreachedAsDirect) {
            nodes.forEach((id, node) -> {
                if (!seen.contains(id)) {
                    found.putIfAbsent(node.pkg(), new Dependency(node.pkg(), true, List.of(), node.declared()));
                }
            });
        }
        return found.values().stream()
                .filter(dependency -> dependency.direct() || !directOnly)
                .toList();
    }

    private static List<PackageRef> append(List<PackageRef> path, PackageRef pkg) {
        List<PackageRef> longer = new ArrayList<>(path);
        longer.add(pkg);
        return List.copyOf(longer);
    }
}
