package com.architectbot.licence.manifest;

import java.io.File;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * Serves the user's POM to Maven Resolver as if it were in a repository, so its tree is built by
 * the same descriptor reader (parents, BOM imports, properties, management) as every other POM.
 */
final class ManifestWorkspace implements WorkspaceReader {

    private final Artifact project;
    private final File pom;
    private final WorkspaceRepository repository = new WorkspaceRepository("manifest");

    ManifestWorkspace(Artifact project, File pom) {
        this.project = project;
        this.pom = pom;
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        return sameProject(artifact)
                        && artifact.getBaseVersion().equals(project.getBaseVersion())
                        && "pom".equals(artifact.getExtension())
                ? pom
                : null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        return sameProject(artifact) ? List.of(project.getBaseVersion()) : List.of();
    }

    private boolean sameProject(Artifact artifact) {
        return artifact.getGroupId().equals(project.getGroupId())
                && artifact.getArtifactId().equals(project.getArtifactId());
    }
}
