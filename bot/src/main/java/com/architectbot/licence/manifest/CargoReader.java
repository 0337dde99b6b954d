package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cargo. {@code Cargo.lock} is the exact tree: packages without a {@code source} are the workspace's
 * own crates, and their dependencies are the direct ones. {@code Cargo.toml} gives requirements, not
 * versions: each is read as the lowest version it allows, and a problem says so.
 */
final class CargoReader {

    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern PLAIN_REQUIREMENT = Pattern.compile("^[\\^=~]?\\s*\\d+(\\.\\d+){0,2}$");
    private static final List<String> RUNTIME_TABLES = List.of("dependencies", "build-dependencies");

    private CargoReader() {}

    static final class Lock implements ManifestReader {
        @Override
        public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
            JsonNode lock = parse(manifest);
            List<JsonNode> packages = JsonManifest.elements(lock.get("package"));
            if (packages.isEmpty()) {
                throw Malformed.manifest(manifest, "it has no [[package]] entries");
            }
            Map<String, List<String>> versionsByName = new HashMap<>();
            packages.forEach(p -> versionsByName
                    .computeIfAbsent(p.path("name").asText(), n -> new ArrayList<>())
                    .add(p.path("version").asText()));
            DependencyGraph graph = new DependencyGraph();
            List<String> members = new ArrayList<>();
            for (JsonNode pkg : packages) {
                String id = id(pkg.path("name").asText(), pkg.path("version").asText());
                if (pkg.hasNonNull("source")) {
                    graph.add(
                            id,
                            Packages.cargo(
                                    pkg.path("name").asText(),
                                    pkg.path("version").asText()),
                            null);
                } else {
                    members.add(id);
                }
                for (JsonNode dependency : JsonManifest.elements(pkg.get("dependencies"))) {
                    graph.link(id, target(dependency.asText(), versionsByName));
                }
            }
            List<String> problems = List.of(
                    Malformed.label(manifest) + ": Cargo.lock does not mark dev-dependencies, so they are included");
            return new Resolution(graph.walk(members, options.directOnly(), false), problems);
        }

        /** {@code "name"} when only one version is locked, else {@code "name version"} or {@code "name version (source)"}. */
        private static String target(String reference, Map<String, List<String>> versionsByName) {
            String[] parts = reference.split(" ");
            if (parts.length >= 2) {
                return id(parts[0], parts[1]);
            }
            List<String> versions = versionsByName.getOrDefault(parts[0], List.of());
            return versions.size() == 1 ? id(parts[0], versions.getFirst()) : parts[0];
        }

        private static String id(String name, String version) {
            return name + " " + version;
        }
    }

    static final class Manifest implements ManifestReader {
        @Override
        public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
            JsonNode toml = parse(manifest);
            List<String> tables = new ArrayList<>(RUNTIME_TABLES);
            if (options.includeTestScopes()) {
                tables.add("dev-dependencies");
            }
            List<Dependency> dependencies = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            String file = Malformed.label(manifest);
            for (String table : tables) {
                read(file, toml.get(table), dependencies, problems);
                for (Map.Entry<String, JsonNode> target : JsonManifest.fields(toml.get("target"))) {
                    read(file, target.getValue().get(table), dependencies, problems);
                }
            }
            if (!dependencies.isEmpty()) {
                problems.add(
                        0,
                        file + ": Cargo.toml gives version requirements; the lowest version each allows is checked, "
                                + "and transitive crates are not listed. Give Cargo.lock for the exact tree");
            }
            return new Resolution(dependencies, problems);
        }

        private static void read(String file, JsonNode table, List<Dependency> dependencies, List<String> problems) {
            for (Map.Entry<String, JsonNode> entry : JsonManifest.fields(table)) {
                JsonNode spec = entry.getValue();
                String name = spec.isObject() && spec.hasNonNull("package")
                        ? spec.get("package").asText()
                        : entry.getKey();
                String requirement = spec.isTextual() ? spec.asText() : JsonManifest.text(spec, "version");
                if (requirement == null) {
                    problems.add(
                            file + ": " + name
                                    + " comes from a path, git or the workspace, not a version on crates.io; it is not checked");
                } else if (!PLAIN_REQUIREMENT.matcher(requirement.strip()).matches()) {
                    problems.add(file + ": " + name + " = \"" + requirement
                            + "\" is not a single version requirement; it is not checked");
                } else {
                    dependencies.add(new Dependency(Packages.cargo(name, lowest(requirement)), true, List.of(), null));
                }
            }
        }

        /** {@code ^1.2} allows 1.2.0 and up: pad to three parts. */
        private static String lowest(String requirement) {
            String version = requirement.strip().replaceFirst("^[\\^=~]\\s*", "");
            while (version.chars().filter(c -> c == '.').count() < 2) {
                version += ".0";
            }
            return version;
        }
    }

    private static JsonNode parse(CheckInput.Manifest manifest) {
        try {
            return TOML.readTree(manifest.content());
        } catch (JacksonException e) {
            throw Malformed.manifest(
                    manifest, "it is not valid TOML (" + Malformed.firstLine(e.getOriginalMessage()) + ")", e);
        }
    }
}
