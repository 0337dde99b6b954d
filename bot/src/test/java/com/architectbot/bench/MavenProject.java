package com.architectbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A generated Maven project of a given size for benchmarks: a {@code pom.xml} and, laid out as a Maven repository
 * where {@code FakeRegistry.servingFolder} serves it, each artifact's POM and its SHA-1. Shaped like a service's
 * tree: an eighth of the artifacts are direct dependencies, the rest hang below earlier ones (a tenth of them
 * reached by two paths, so nearest-wins has work), every twentieth edge is test scope, and a third of the
 * artifacts take their licence from a shared parent POM. Seeded: the same size gives the same project.
 */
final class MavenProject {

    private static final String GROUP = "org.bench";
    private static final String[] LICENCES = {
        "Apache License, Version 2.0", "The MIT License", "Apache-2.0", "BSD-3-Clause", "Eclipse Public License 2.0"
    };

    private record Artifact(String groupId, String artifactId, String version, List<Edge> dependencies) {}

    private record Edge(int to, boolean test) {}

    private MavenProject() {}

    /** Writes the repository under {@code folder} and returns the project's {@code pom.xml}. */
    static String generate(int size, Path folder) throws IOException {
        Random random = new Random(42);
        List<Artifact> artifacts = new ArrayList<>();
        int direct = Math.max(1, size / 8);
        for (int i = 0; i < size; i++) {
            artifacts.add(new Artifact(
                    GROUP + ".g" + (i % 12), "lib-" + i, "1." + (i % 7) + "." + (i % 5), new ArrayList<>()));
            if (i >= direct) {
                artifacts.get(random.nextInt(i)).dependencies().add(new Edge(i, random.nextInt(20) == 0));
                if (random.nextInt(10) == 0) {
                    artifacts.get(random.nextInt(i)).dependencies().add(new Edge(i, false));
                }
            }
        }
        write(folder, GROUP, "bench-parent", "7", parentPom());
        for (int i = 0; i < size; i++) {
            Artifact artifact = artifacts.get(i);
            write(folder, artifact.groupId(), artifact.artifactId(), artifact.version(), pom(artifact, i, artifacts));
        }
        List<Edge> directEdges = new ArrayList<>();
        for (int i = 0; i < direct; i++) {
            directEdges.add(new Edge(i, i % 9 == 8));
        }
        return project(new Artifact("com.example.bench", "bench-service", "1.0.0", directEdges), artifacts);
    }

    private static String parentPom() {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>bench-parent</artifactId><version>7</version>
                  <packaging>pom</packaging>
                  <licenses><license><name>Apache License, Version 2.0</name>
                    <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
                </project>
                """.formatted(GROUP);
    }

    private static String pom(Artifact artifact, int index, List<Artifact> artifacts) {
        boolean inherits = index % 3 == 0;
        String parent = inherits
                ? "<parent><groupId>" + GROUP + "</groupId><artifactId>bench-parent</artifactId><version>7</version>"
                        + "</parent>"
                : "";
        String licences = inherits
                ? ""
                : "<licenses><license><name>" + LICENCES[index % LICENCES.length] + "</name></license></licenses>";
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  %s
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  <description>Generated artifact %d for the warm pom.xml benchmark</description>
                  %s
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(
                        parent,
                        artifact.groupId(),
                        artifact.artifactId(),
                        artifact.version(),
                        index,
                        licences,
                        dependencies(artifact, artifacts));
    }

    private static String project(Artifact project, List<Artifact> artifacts) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(
                        project.groupId(), project.artifactId(), project.version(), dependencies(project, artifacts));
    }

    private static String dependencies(Artifact artifact, List<Artifact> artifacts) {
        StringBuilder xml = new StringBuilder();
        for (Edge edge : artifact.dependencies()) {
            Artifact to = artifacts.get(edge.to());
            xml.append("\n    <dependency><groupId>")
                    .append(to.groupId())
                    .append("</groupId><artifactId>")
                    .append(to.artifactId())
                    .append("</artifactId><version>")
                    .append(to.version())
                    .append("</version>")
                    .append(edge.test() ? "<scope>test</scope>" : "")
                    .append("</dependency>");
        }
        return xml.toString();
    }

    private static void write(Path folder, String groupId, String artifactId, String version, String pom)
            throws IOException {
        Path dir = folder.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        byte[] bytes = pom.getBytes(StandardCharsets.UTF_8);
        String file = artifactId + "-" + version + ".pom";
        Files.write(dir.resolve(file), bytes);
        Files.writeString(dir.resolve(file + ".sha1"), sha1(bytes));
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
