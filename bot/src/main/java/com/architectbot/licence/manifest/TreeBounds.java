package com.architectbot.licence.manifest;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.DependencyCollectionContext;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.graph.Dependency;

/**
 * Bounds what the repository's POMs can make one check fetch, in front of Maven's own selection: a POM
 * declaring thousands of dependencies, a chain thousands deep or a tree of tens of thousands of packages
 * is cut at a limit no real tree reaches, and the cut is reported as a problem, never a hang or an OOM.
 */
final class TreeBounds implements DependencySelector {

    /** The widest real POMs (platform APIs, starters) declare a few hundred. */
    static final int MAX_DEPENDENCIES_PER_POM = 1_000;
    /** Real trees are rarely 15 levels deep. */
    static final int MAX_DEPTH = 64;
    /** Ten times the largest real application trees. */
    static final int MAX_PACKAGES = 10_000;

    /** What one check's selectors share: the packages let in so far, and where cuts are reported. */
    private record Check(Set<String> packages, MavenProblems problems) {}

    private final DependencySelector maven;
    private final Check check;
    private final String owner;
    private final int depth;
    private final AtomicInteger selected = new AtomicInteger();

    private TreeBounds(DependencySelector maven, Check check, String owner, int depth) {
        this.maven = maven;
        this.check = check;
        this.owner = owner;
        this.depth = depth;
    }

    /** The session's selector for one check, with the bounds in front; cuts are reported to {@code problems}. */
    static DependencySelector around(DependencySelector maven, MavenProblems problems) {
        return new TreeBounds(maven, new Check(ConcurrentHashMap.newKeySet(), problems), "the project", 0);
    }

    @Override
    public boolean selectDependency(Dependency dependency) {
        if (maven != null && !maven.selectDependency(dependency)) {
            return false;
        }
        if (depth > MAX_DEPTH) {
            return cut(owner + " is more than " + MAX_DEPTH + " levels deep: what it depends on is not checked");
        }
        if (selected.incrementAndGet() > MAX_DEPENDENCIES_PER_POM) {
            return cut(owner + " declares more than " + MAX_DEPENDENCIES_PER_POM
                    + " dependencies: the rest are not checked");
        }
        String pkg = coordinates(dependency.getArtifact());
        if (!check.packages().contains(pkg) && check.packages().size() >= MAX_PACKAGES) {
            return cut("the tree has more than " + MAX_PACKAGES + " packages: the rest are not checked");
        }
        check.packages().add(pkg);
        return true;
    }

    @Override
    public DependencySelector deriveChildSelector(DependencyCollectionContext context) {
        DependencySelector child = maven == null ? null : maven.deriveChildSelector(context);
        String name = context.getArtifact() == null ? owner : coordinates(context.getArtifact());
        return new TreeBounds(child, check, name, depth + 1);
    }

    private boolean cut(String reason) {
        check.problems().cut(reason);
        return false;
    }

    private static String coordinates(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
    }

    /** The resolver caches children by selector: equal when they would judge the same way. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TreeBounds bounds
                && depth == bounds.depth
                && check == bounds.check
                && Objects.equals(maven, bounds.maven);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maven, depth);
    }
}
