package com.architectbot.licence.manifest;

import com.architectbot.licence.DependencyResolver.Stability;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.version.VersionConstraint;

/**
 * Whether a Maven tree is pinned: the project's own version and every version in its tree a plain release,
 * so the same {@code pom.xml} resolves to the same tree until a release is deleted. Maven reads repository
 * metadata only for what is not pinned (a range, a SNAPSHOT, LATEST or RELEASE, in a dependency, a parent or
 * an imported BOM), so any metadata read marks the tree floating too.
 */
final class MavenPinning extends AbstractRepositoryListener {

    private volatile boolean floating;

    MavenPinning(String projectVersion) {
        this.floating = floatingVersion(projectVersion);
    }

    @Override
    public void metadataResolving(RepositoryEvent event) {
        floating = true;
    }

    /** Looks at every node of the collected graph, test scopes included (more floating is only briefer). */
    void check(DependencyNode root) {
        check(root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** The tree's stability, given what the repository could not give ({@code problems}). */
    Stability stability(MavenProblems problems) {
        if (problems.registryFailed()) {
            return Stability.REGISTRY_FAILED;
        }
        return floating || problems.missing() ? Stability.FLOATING : Stability.PINNED;
    }

    private void check(DependencyNode node, Set<DependencyNode> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (floatingNode(node)) {
            floating = true;
        }
        node.getChildren().forEach(child -> check(child, seen));
    }

    private static boolean floatingNode(DependencyNode node) {
        Artifact artifact = node.getArtifact();
        VersionConstraint constraint = node.getVersionConstraint();
        return artifact != null && (artifact.isSnapshot() || floatingVersion(artifact.getVersion()))
                || constraint != null
                        && (constraint.getRange() != null || floatingVersion(String.valueOf(constraint.getVersion())));
    }

    private static boolean floatingVersion(String version) {
        if (version == null) {
            return false;
        }
        String text = version.strip();
        return text.endsWith("SNAPSHOT")
                || text.equals("LATEST")
                || text.equals("RELEASE")
                || text.startsWith("[")
                || text.startsWith("(");
    }
}
