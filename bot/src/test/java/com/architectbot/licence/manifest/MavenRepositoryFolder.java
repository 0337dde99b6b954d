package com.architectbot.licence.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Maven repository laid out in a folder, for a {@code FakeRegistry} to serve: POMs written from
 * coordinates ({@code group:artifact:version}), each with an optional parent and its dependencies.
 */
final class MavenRepositoryFolder {

    private final Path root;

    MavenRepositoryFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A POM that declares the Apache licence and no dependencies or parent: a tree's root for inheritance. */
    MavenRepositoryFolder licensedParent(String coordinates) {
        return write(
                coordinates,
                project(coordinates, null, List.of())
                        .replace(
                                "</project>",
                                "<packaging>pom</packaging><licenses><license><name>Apache-2.0</name>"
                                        + "</license></licenses></project>"));
    }

    MavenRepositoryFolder pom(String coordinates, String parent, List<String> dependencies) {
        return write(coordinates, project(coordinates, parent, dependencies));
    }

    /** The same content as a user's {@code pom.xml}. */
    static String project(String coordinates, String parent, List<String> dependencies) {
        String[] gav = coordinates.split(":");
        return "<project><modelVersion>4.0.0</modelVersion>"
                + (parent == null ? "" : "<parent>" + gav(parent) + "</parent>")
                + gav(coordinates)
                + dependencies.stream()
                        .map(dependency -> "<dependency>" + gav(dependency) + "</dependency>")
                        .collect(Collectors.joining("", "<dependencies>", "</dependencies>"))
                + "</project>";
    }

    private MavenRepositoryFolder write(String coordinates, String content) {
        String[] gav = coordinates.split(":");
        Path file = root.resolve(gav[0].replace('.', '/'))
                .resolve(gav[1])
                .resolve(gav[2])
                .resolve(gav[1] + "-" + gav[2] + ".pom");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String gav(String coordinates) {
        String[] gav = coordinates.split(":");
        return "<groupId>" + gav[0] + "</groupId><artifactId>" + gav[1] + "</artifactId><version>" + gav[2]
                + "</version>";
    }
}
