package com.architectbot.licence.manifest;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.filter.RemoteRepositoryFilter;
import org.eclipse.aether.spi.connector.filter.RemoteRepositoryFilterSource;

/**
 * Keeps a coordinate that still holds a {@code ${...}} expression (one no POM in the chain defines)
 * away from the repository: it names nothing that exists, and it is the user's text.
 */
final class UnresolvedExpressions implements RemoteRepositoryFilterSource, RemoteRepositoryFilter {

    static final String NAME = "unresolved-expressions";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}?");

    private record Verdict(boolean isAccepted, String reasoning) implements Result {}

    private static final Verdict ACCEPTED = new Verdict(true, "no unresolved expression");

    @Override
    public RemoteRepositoryFilter getRemoteRepositoryFilter(RepositorySystemSession session) {
        return this;
    }

    @Override
    public Result acceptArtifact(RemoteRepository repository, Artifact artifact) {
        return verdict(
                artifact.getGroupId(),
                artifact.getArtifactId(),
                artifact.getVersion(),
                artifact.getClassifier(),
                artifact.getExtension());
    }

    @Override
    public Result acceptMetadata(RemoteRepository repository, Metadata metadata) {
        return verdict(metadata.getGroupId(), metadata.getArtifactId(), metadata.getVersion(), metadata.getType());
    }

    private static Result verdict(String... parts) {
        String expressions = expressions(parts);
        return expressions.isEmpty() ? ACCEPTED : new Verdict(false, notDefined(expressions));
    }

    static boolean unresolved(Artifact artifact) {
        return !expressions(artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion())
                .isEmpty();
    }

    /** The {@code ${...}} expressions in these coordinate parts, comma-separated; empty when none. */
    static String expressions(String... parts) {
        return Stream.of(parts)
                .filter(part -> part != null && part.contains("${"))
                .flatMap(part -> EXPRESSION.matcher(part).results().map(MatchResult::group))
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    static String notDefined(String expressions) {
        return expressions + " is not defined by the POM or its parents (only their own properties and project.* are"
                + " filled in, never the environment), so it was not looked up";
    }
}
