package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CycloneDX JSON: components with their purl and licences (taken as declared), the
 * {@code dependencies} graph from the subject ({@code metadata.component}) for direct and paths.
 */
final class CycloneDxReader implements ManifestReader {

    @Override
    public Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        JsonNode bom = JsonManifest.parse(manifest);
        if (!"CycloneDX".equals(JsonManifest.text(bom, "bomFormat"))) {
            throw Malformed.manifest(manifest, "\"bomFormat\" is not \"CycloneDX\"");
        }
        String subject = JsonManifest.text(bom.path("metadata").path("component"), "bom-ref");
        DependencyGraph graph = new DependencyGraph();
        SkippedComponents skipped = new SkippedComponents(Malformed.label(manifest));
        for (JsonNode component : flatten(bom.get("components"))) {
            add(graph, component, subject, options, skipped);
        }
        for (JsonNode dependency : JsonManifest.elements(bom.get("dependencies"))) {
            String ref = JsonManifest.text(dependency, "ref");
            for (JsonNode target : JsonManifest.elements(dependency.get("dependsOn"))) {
                if (ref != null && target.isTextual()) {
                    graph.link(ref, target.asText());
                }
            }
        }
        List<String> problems = new ArrayList<>(skipped.problems());
        List<String> direct =
                subject != null && !graph.targets(subject).isEmpty() ? List.of(subject) : List.copyOf(graph.ids());
        if (subject == null || graph.targets(subject).isEmpty()) {
            problems.add(Malformed.label(manifest)
                    + ": the SBOM has no dependency graph for its subject; every component is listed as direct");
        }
        return new Resolution(graph.walk(direct, options.directOnly(), true), problems);
    }

    private static void add(
            DependencyGraph graph,
            JsonNode component,
            String subject,
            ResolveOptions options,
            SkippedComponents skipped) {
        String purl = JsonManifest.text(component, "purl");
        String ref = JsonManifest.text(component, "bom-ref");
        ref = ref != null ? ref : purl;
        if (ref == null
                || ref.equals(subject)
                || "excluded".equals(JsonManifest.text(component, "scope")) && !options.includeTestScopes()) {
            return;
        }
        Optional<PackageRef> pkg = Packages.fromPurl(purl);
        if (pkg.isEmpty()) {
            skipped.add(purl == null ? JsonManifest.text(component, "name") : purl);
            return;
        }
        graph.add(ref, pkg.get(), licences(component.get("licenses")));
    }

    private static DeclaredLicence licences(JsonNode licenses) {
        List<LicenceStatement> statements = new ArrayList<>();
        for (JsonNode choice : JsonManifest.elements(licenses)) {
            JsonNode licence = choice.path("license");
            String text = firstNonNull(
                    JsonManifest.text(licence, "id"),
                    JsonManifest.text(licence, "name"),
                    JsonManifest.text(choice, "expression"));
            String url = JsonManifest.text(licence, "url");
            if (text != null || url != null) {
                statements.add(new LicenceStatement(text, url));
            }
        }
        return JsonManifest.declared(statements);
    }

    private static List<JsonNode> flatten(JsonNode components) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : JsonManifest.elements(components)) {
            all.add(component);
            all.addAll(flatten(component.get("components")));
        }
        return all;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
