package com.architectbot.licence.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/** Packuments as the npm registry serves them in full (README, tarball data and all), made up for tests. */
final class NpmDocuments {

    private NpmDocuments() {}

    /** {@code versions} versions 1.0.0 .. 1.(n-1).0 of {@code name}, each needing ms and fsevents, MIT. */
    static String packument(String name, int versions, int readmeBytes) {
        StringJoiner all = new StringJoiner(",", "{", "}");
        for (int i = 0; i < versions; i++) {
            all.add("\"1." + i + ".0\": {\"name\": \"" + name + "\", \"version\": \"1." + i
                    + ".0\", \"description\": \""
                    + "d".repeat(1000) + "\", \"dependencies\": {\"ms\": \"^2.1.0\"}, "
                    + "\"optionalDependencies\": {\"fsevents\": \"~2.3.0\"}, \"license\": \"MIT\", "
                    + "\"dist\": {\"tarball\": \"https://registry.example/" + name + ".tgz\", "
                    + "\"integrity\": \"sha512-" + "x".repeat(88) + "\"}, \"maintainers\": [{\"name\": \"a\"}]}");
        }
        return "{\"_id\": \"" + name + "\", \"name\": \"" + name + "\", \"dist-tags\": {\"latest\": \"1."
                + (versions - 1) + ".0\"}, \"versions\": " + all + ", \"readme\": \"README " + "r".repeat(readmeBytes)
                + "\", \"time\": {\"created\": \"2020-01-01T00:00:00Z\"}}";
    }

    /** A packument with one version, 1.0.0, requiring {@code requires} (each at "^1.0.0"). */
    static String single(String name, List<String> requires) {
        StringJoiner dependencies = new StringJoiner(",", "{", "}");
        requires.forEach(required -> dependencies.add("\"" + required + "\": \"^1.0.0\""));
        return "{\"name\": \"" + name + "\", \"dist-tags\": {\"latest\": \"1.0.0\"}, \"versions\": {\"1.0.0\": "
                + "{\"dependencies\": " + dependencies + ", \"license\": \"MIT\"}}}";
    }

    /** Writes the packument where a folder-serving fake registry answers {@code GET /<name>}. */
    static void write(Path folder, String name, String packument) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, packument);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
