package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SPDX 2.x JSON: packages with a purl external reference, {@code licenseDeclared} (else
 * {@code licenseConcluded}) taken as declared, and {@code relationships} for the tree.
 */
final class SpdxSbomReader implements ManifestReader {

    private static final String DOCUMENT = "SPDXRef-DOCUMENT";
    private static final Set<String> FORWARD = Set.of("DEPENDS_ON", "CONTAINS");
    private static final Set<String> BACKWARD = Set.of(
            "DEPENDENCY_OF",
            "RUNTIME_DEPENDENCY_OF",
            "OPTIONAL_DEPENDENCY_OF",
            "PROVIDED_DEPENDENCY_OF",
            "CONTAINED_BY");
    private static final Set<String> DEV_BACKWARD = Set.of("DEV_DEPENDENCY_OF", "TEST_DEPENDENCY_OF");
    private static final Set<String> NO_LICENCE = Set.of("NOASSERTION");

    private record Edge(String from, String to, boolean dev) {}

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        JsonNode document = JsonManifest.parse(manifest);
        if (JsonManifest.text(document, "spdxVersion") == null) {
            throw Malformed.manifest(manifest, "it has no \"spdxVersion\"");
        }
        Set<String> subjects = subjects(document);
        List<Edge> edges = edges(document, options);
        Set<String> devOnly = devOnlyTargets(edges);
        DependencyGraph graph = new DependencyGraph();
        SkippedComponents skipped = new SkippedComponents(Malformed.label(manifest));
        for (JsonNode pkg : JsonManifest.elements(document.get("packages"))) {
            String id = JsonManifest.text(pkg, "SPDXID");
            if (id != null && !subjects.contains(id) && !devOnly.contains(id)) {
                add(graph, id, pkg, skipped);
            }
        }
        edges.forEach(edge -> graph.link(edge.from(), edge.to()));
        List<String> problems = new ArrayList<>(skipped.problems());
        boolean hasTree =
                subjects.stream().anyMatch(subject -> !graph.targets(subject).isEmpty());
        if (!hasTree) {
            problems.add(
                    Malformed.label(manifest)
                            + ": the SBOM has no relationships from the package it describes; every package is listed as direct");
        }
        return new Resolution(graph.walk(hasTree ? subjects : graph.ids(), options.directOnly(), true), problems);
    }

    private static Set<String> subjects(JsonNode document) {
        Set<String> subjects = new LinkedHashSet<>();
        JsonManifest.elements(document.get("documentDescribes")).forEach(id -> subjects.add(id.asText()));
        for (JsonNode relation : JsonManifest.elements(document.get("relationships"))) {
            String type = JsonManifest.text(relation, "relationshipType");
            if ("DESCRIBES".equals(type) && DOCUMENT.equals(JsonManifest.text(relation, "spdxElementId"))) {
                subjects.add(JsonManifest.text(relation, "relatedSpdxElement"));
            } else if ("DESCRIBED_BY".equals(type)
                    && DOCUMENT.equals(JsonManifest.text(relation, "relatedSpdxElement"))) {
                subjects.add(JsonManifest.text(relation, "spdxElementId"));
            }
        }
        subjects.remove(null);
        return subjects;
    }

    private static List<Edge> edges(JsonNode document, ResolveOptions options) {
        List<Edge> edges = new ArrayList<>();
        for (JsonNode relation : JsonManifest.elements(document.get("relationships"))) {
            String type = JsonManifest.text(relation, "relationshipType");
            String element = JsonManifest.text(relation, "spdxElementId");
            String related = JsonManifest.text(relation, "relatedSpdxElement");
            if (type == null || element == null || related == null) {
                continue;
            }
            if (FORWARD.contains(type)) {
                edges.add(new Edge(element, related, false));
            } else if (BACKWARD.contains(type)) {
                edges.add(new Edge(related, element, false));
            } else if (DEV_BACKWARD.contains(type)) {
                edges.add(new Edge(related, element, !options.includeTestScopes()));
            }
        }
        return edges;
    }

    /** Packages reached only through dev or test relationships: left out unless test scopes are asked for. */
    private static Set<String> devOnlyTargets(List<Edge> edges) {
        Set<String> dev = new HashSet<>();
        Set<String> runtime = new HashSet<>();
        edges.forEach(edge -> (edge.dev() ? dev : runtime).add(edge.to()));
        dev.removeAll(runtime);
        edges.removeIf(Edge::dev);
        return dev;
    }

    private static void add(DependencyGraph graph, String id, JsonNode pkg, SkippedComponents skipped) {
        String purl = null;
        for (JsonNode ref : JsonManifest.elements(pkg.get("externalRefs"))) {
            if ("purl".equals(JsonManifest.text(ref, "referenceType"))) {
                purl = JsonManifest.text(ref, "referenceLocator");
            }
        }
        Optional<PackageRef> ref = Packages.fromPurl(purl);
        if (ref.isEmpty()) {
            skipped.add(purl == null ? JsonManifest.text(pkg, "name") : purl);
            return;
        }
        graph.add(id, ref.get(), licence(pkg));
    }

    private static DeclaredLicence licence(JsonNode pkg) {
        String declared = JsonManifest.text(pkg, "licenseDeclared");
        if (declared == null || NO_LICENCE.contains(declared)) {
            declared = JsonManifest.text(pkg, "licenseConcluded");
        }
        return declared == null || NO_LICENCE.contains(declared) ? null : JsonManifest.declared(declared);
    }
}
