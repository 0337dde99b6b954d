package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code package-lock.json} v2/v3: the exact tree. Its {@code packages} map is keyed by install
 * location; an edge goes where Node would find the dependency, from the dependent's own
 * {@code node_modules} up to the root's, so hoisted and nested copies both link correctly.
 */
final class NpmLockReader implements ManifestReader {

    private static final String ROOT = "";
    private static final String NODE_MODULES = "node_modules/";
    private static final List<String> RUNTIME_EDGES =
            List.of("dependencies", "optionalDependencies", "peerDependencies");

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        JsonNode lock = JsonManifest.parse(manifest);
        JsonNode packages = lock.get("packages");
        if (packages == null || !packages.isObject()) {
            int version = lock.path("lockfileVersion").asInt(0);
            throw Malformed.manifest(
                    manifest,
                    version == 1
                            ? "lockfileVersion 1 is not supported; regenerate it with npm 7 or later"
                            : "it has no \"packages\" map (lockfileVersion 2 or 3 expected)");
        }
        DependencyGraph graph = new DependencyGraph();
        for (Map.Entry<String, JsonNode> entry : JsonManifest.fields(packages)) {
            addPackage(graph, entry.getKey(), entry.getValue(), options);
        }
        for (Map.Entry<String, JsonNode> entry : JsonManifest.fields(packages)) {
            link(graph, packages, entry.getKey(), entry.getValue(), options);
        }
        return new Resolution(graph.walk(List.of(ROOT), options.directOnly(), false), List.of());
    }

    private static void addPackage(DependencyGraph graph, String location, JsonNode entry, ResolveOptions options) {
        boolean devOnly = entry.path("dev").asBoolean(false);
        String version = JsonManifest.text(entry, "version");
        if (!location.contains(NODE_MODULES)
                || entry.path("link").asBoolean(false)
                || version == null
                || devOnly && !options.includeTestScopes()) {
            return; // the root, workspace folders, links and dev-only packages
        }
        String name = JsonManifest.text(entry, "name");
        graph.add(location, Packages.npm(name != null ? name : nameAt(location), version), licence(entry));
    }

    private static void link(
            DependencyGraph graph, JsonNode packages, String location, JsonNode entry, ResolveOptions options) {
        if (entry.path("link").asBoolean(false)) {
            String target = JsonManifest.text(entry, "resolved");
            if (target != null) {
                graph.link(location, target); // a workspace member: follow it to its folder
            }
            return;
        }
        for (String kind : RUNTIME_EDGES) {
            linkAll(graph, packages, location, entry.get(kind));
        }
        if (location.equals(ROOT) && options.includeTestScopes()) {
            linkAll(graph, packages, location, entry.get("devDependencies"));
        }
    }

    private static void linkAll(DependencyGraph graph, JsonNode packages, String location, JsonNode dependencies) {
        for (Map.Entry<String, JsonNode> dependency : JsonManifest.fields(dependencies)) {
            String target = locate(packages, location, dependency.getKey());
            if (target != null) {
                graph.link(location, target);
            }
        }
    }

    /** Node's lookup: {@code <from>/node_modules/<name>}, then each enclosing {@code node_modules}. */
    static String locate(JsonNode packages, String from, String name) {
        String base = from;
        while (true) {
            String candidate = (base.isEmpty() ? "" : base + "/") + NODE_MODULES + name;
            if (packages.has(candidate)) {
                return candidate;
            }
            if (base.isEmpty()) {
                return null;
            }
            int enclosing = base.lastIndexOf(NODE_MODULES);
            base = enclosing <= 0 ? "" : base.substring(0, enclosing - 1);
        }
    }

    private static String nameAt(String location) {
        return location.substring(location.lastIndexOf(NODE_MODULES) + NODE_MODULES.length());
    }

    private static DeclaredLicence licence(JsonNode entry) {
        JsonNode license = entry.get("license");
        if (license != null && license.isObject()) {
            return JsonManifest.declared(JsonManifest.text(license, "type"));
        }
        return JsonManifest.declared(JsonManifest.text(entry, "license"));
    }
}
