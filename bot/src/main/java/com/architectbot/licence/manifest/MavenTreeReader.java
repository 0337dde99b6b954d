package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.PackageRef;
import eu.maveniverse.maven.mima.context.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.listener.ChainedRepositoryListener;

/**
 * {@code pom.xml}: the tree Maven itself would build, through Maven Resolver (MIMA, standalone):
 * scopes, exclusions, {@code dependencyManagement}, BOM imports, nearest-wins, properties, parents.
 * Only the configured repository is used: repositories declared in POMs, user settings and mirrors
 * are ignored, and the local repository is the bot's own cache folder. POMs are data
 * ({@link DataOnlyMavenRuntime}): nothing of the bot's environment or disk reaches a model, and a
 * coordinate left with an undefined {@code ${...}} is reported, never requested.
 */
final class MavenTreeReader implements ManifestReader, AutoCloseable {

    private final ManifestSettings settings;
    private Context context;

    MavenTreeReader(ManifestSettings settings) {
        this.settings = settings;
    }

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        PomXml.Coordinates coordinates = PomXml.coordinates(manifest);
        Artifact project =
                new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(), "pom", coordinates.version());
        Path folder = null;
        try {
            folder = Files.createTempDirectory("architect-bot-pom-");
            Path pom = Files.writeString(folder.resolve("pom.xml"), manifest.content());
            return collect(Malformed.label(manifest), project, pom, options, new MavenPinning(coordinates.version()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage " + Malformed.label(manifest) + " for Maven Resolver", e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private Resolution collect(String file, Artifact project, Path pom, ResolveOptions options, MavenPinning pinning) {
        Context context = context();
        MavenProblems problems = new MavenProblems(file, project, settings.mavenRepositoryUrl());
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession(context.repositorySystemSession());
        session.setWorkspaceReader(new ManifestWorkspace(project, pom.toFile()));
        session.setCache(new DefaultRepositoryCache()); // the user's POM changes between checks: no shared model cache
        session.setRepositoryListener(ChainedRepositoryListener.newInstance(problems, pinning));
        session.setDependencySelector(TreeBounds.around(session.getDependencySelector(), problems));
        CollectResult result;
        try {
            // as Maven does for a project: the project's own dependencies and management, read through
            // the descriptor reader, are the collection's direct dependencies (so direct test scope counts)
            ArtifactDescriptorResult descriptor = context.repositorySystem()
                    .readArtifactDescriptor(
                            session, new ArtifactDescriptorRequest(project, context.remoteRepositories(), null));
            CollectRequest request = new CollectRequest(
                    descriptor.getDependencies(), descriptor.getManagedDependencies(), context.remoteRepositories());
            request.setRootArtifact(project);
            result = context.repositorySystem().collectDependencies(session, request);
        } catch (ArtifactDescriptorException e) {
            problems.add(e);
            return new Resolution(List.of(), problems.lines(), pinning.stability(problems));
        } catch (DependencyCollectionException e) {
            result = e.getResult();
        }
        result.getExceptions().forEach(problems::add);
        Map<PackageRef, Dependency> found = new LinkedHashMap<>();
        if (result.getRoot() != null) {
            walk(result.getRoot(), List.of(), options, found, new HashSet<>(), problems);
            pinning.check(result.getRoot());
        }
        return new Resolution(List.copyOf(found.values()), problems.lines(), pinning.stability(problems));
    }

    private static void walk(
            DependencyNode node,
            List<PackageRef> path,
            ResolveOptions options,
            Map<PackageRef, Dependency> found,
            Set<PackageRef> expanded,
            MavenProblems problems) {
        for (DependencyNode child : node.getChildren()) {
            org.eclipse.aether.graph.Dependency dependency = child.getDependency();
            if (dependency == null || !options.includeTestScopes() && isTestOrProvided(dependency.getScope())) {
                continue;
            }
            Artifact artifact = dependency.getArtifact();
            if (UnresolvedExpressions.unresolved(artifact)) {
                problems.unresolved(artifact);
                continue;
            }
            PackageRef pkg = Packages.maven(artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion());
            found.putIfAbsent(pkg, new Dependency(pkg, path.isEmpty(), path, null));
            if (!options.directOnly() && expanded.add(pkg)) {
                List<PackageRef> longer = new ArrayList<>(path);
                longer.add(pkg);
                walk(child, List.copyOf(longer), options, found, expanded, problems);
            }
        }
    }

    private static boolean isTestOrProvided(String scope) {
        return JavaScopes.TEST.equals(scope) || JavaScopes.PROVIDED.equals(scope);
    }

    /** One resolver context for the reader's life: it holds the HTTP connections and the cache locks. */
    private synchronized Context context() {
        if (context == null) {
            context = MavenResolverContext.open(settings);
        }
        return context;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve("pom.xml"));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a leftover temp folder is harmless; the check result is not
        }
    }
}
