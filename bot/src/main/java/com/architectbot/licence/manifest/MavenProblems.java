package com.architectbot.licence.manifest;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.MetadataNotFoundException;

/**
 * What Maven Resolver could not read while building a tree, as problem lines. Maven's own policy
 * skips a missing or broken POM with a warning and carries on; we carry on too, but say so.
 */
final class MavenProblems extends AbstractRepositoryListener {

    private static final int MAX_DETAIL = 300;

    private final String file;
    private final Artifact project;
    private final URI repository;
    private final Set<String> lines = new LinkedHashSet<>();
    private boolean missing;
    private boolean registryFailed;

    MavenProblems(String file, Artifact project, URI repository) {
        this.file = file;
        this.project = project;
        this.repository = repository;
    }

    @Override
    public void artifactDescriptorInvalid(RepositoryEvent event) {
        record(event.getArtifact(), event.getException());
    }

    @Override
    public void artifactDescriptorMissing(RepositoryEvent event) {
        record(event.getArtifact(), event.getException());
    }

    void add(Exception exception) {
        Artifact artifact = exception instanceof ArtifactDescriptorException e
                ? e.getResult().getRequest().getArtifact()
                : null;
        record(artifact, exception);
    }

    /** A dependency whose coordinates kept an expression no POM defines: it is left out of the tree. */
    synchronized void unresolved(Artifact artifact) {
        lines.add(unresolvedLine(artifact));
    }

    /** A part of the tree left out on purpose ({@link TreeBounds}). */
    synchronized void cut(String reason) {
        lines.add(file + ": Maven tree cut: " + reason);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The repository said a POM is not there: it may be published later. */
    synchronized boolean missing() {
        return missing;
    }

    /** A POM could not be read for any reason but its absence (an error, a timeout): it may work next time. */
    synchronized boolean registryFailed() {
        return registryFailed;
    }

    private synchronized void record(Artifact artifact, Exception exception) {
        String detail = detail(exception);
        if (artifact != null && UnresolvedExpressions.unresolved(artifact)) {
            lines.add(unresolvedLine(artifact));
            return;
        }
        if (notFound(exception)) {
            missing = true;
        } else {
            registryFailed = true; // when in doubt a failure: an outage must not be remembered as the tree
        }
        if (artifact != null && sameProject(artifact)) {
            lines.add(file + ": Maven could not build the effective POM from " + repository + " (" + detail
                    + "); its dependencies are missing from the tree");
        } else {
            String name = artifact == null
                    ? "a dependency"
                    : artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
            lines.add(file + ": Maven tree incomplete: the POM of " + name + " could not be read from " + repository
                    + " (" + detail + "); what it depends on is missing from the tree");
        }
    }

    private String unresolvedLine(Artifact artifact) {
        String expressions = UnresolvedExpressions.expressions(
                artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion());
        return file + ": " + artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion()
                + " is not checked: " + UnresolvedExpressions.notDefined(expressions);
    }

    private boolean sameProject(Artifact artifact) {
        return artifact.getGroupId().equals(project.getGroupId())
                && artifact.getArtifactId().equals(project.getArtifactId())
                && artifact.getVersion().equals(project.getVersion());
    }

    private static boolean notFound(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ArtifactNotFoundException || cause instanceof MetadataNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static String detail(Exception exception) {
        if (exception == null) {
            return "no detail";
        }
        Throwable deepest = exception;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String text = Malformed.firstLine(deepest.getMessage() != null ? deepest.getMessage() : exception.getMessage());
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }
}
