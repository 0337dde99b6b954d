package com.architectbot.licence.redis;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.Stability;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.JsonDocuments;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a resolved tree in the cache. Each package is written once, in {@code packages}; the
 * dependencies and their paths point into that table by index, so a deep tree stays small. Reading it back
 * builds the same records the resolver made (their constructors check them again); anything that does not
 * read back is an error the cache treats as a miss.
 */
record CachedTree(
        int schema, List<Ref> packages, List<Entry> dependencies, List<String> problems, Stability stability) {

    record Ref(Ecosystem ecosystem, String namespace, String name, String version) {}

    record Entry(int pkg, boolean direct, List<Integer> path, Licence declared) {}

    record Licence(List<Statement> statements, Integer inheritedFrom) {}

    record Statement(String text, String url) {}

    static String toJson(Resolution resolution) throws JsonProcessingException {
        Map<PackageRef, Integer> table = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Dependency dependency : resolution.dependencies()) {
            List<Integer> path =
                    dependency.path().stream().map(p -> index(table, p)).toList();
            entries.add(new Entry(
                    index(table, dependency.pkg()), dependency.direct(), path, licence(dependency.declared(), table)));
        }
        List<Ref> packages = table.keySet().stream()
                .map(p -> new Ref(p.ecosystem(), p.namespace(), p.name(), p.version()))
                .toList();
        return JsonDocuments.MAPPER.writeValueAsString(
                new CachedTree(TreeKey.SCHEMA, packages, entries, resolution.problems(), resolution.stability()));
    }

    /**
     * @throws JsonProcessingException or a {@link RuntimeException} when the value is not a tree of this schema
     */
    static Resolution fromJson(String json) throws JsonProcessingException {
        CachedTree tree = JsonDocuments.MAPPER.readValue(json, CachedTree.class);
        if (tree.schema() != TreeKey.SCHEMA) {
            throw new IllegalArgumentException("schema " + tree.schema() + ", not " + TreeKey.SCHEMA);
        }
        List<PackageRef> packages = tree.packages().stream()
                .map(r -> new PackageRef(r.ecosystem(), r.namespace(), r.name(), r.version()))
                .toList();
        List<Dependency> dependencies = tree.dependencies().stream()
                .map(e -> new Dependency(
                        packages.get(e.pkg()),
                        e.direct(),
                        e.path().stream().map(packages::get).toList(),
                        declared(e.declared(), packages)))
                .toList();
        return new Resolution(dependencies, tree.problems(), tree.stability());
    }

    private static Licence licence(DeclaredLicence declared, Map<PackageRef, Integer> table) {
        if (declared == null) {
            return null;
        }
        List<Statement> statements = declared.statements().stream()
                .map(s -> new Statement(s.text(), s.url()))
                .toList();
        return new Licence(
                statements, declared.inheritedFrom() == null ? null : index(table, declared.inheritedFrom()));
    }

    private static DeclaredLicence declared(Licence licence, List<PackageRef> packages) {
        if (licence == null) {
            return null;
        }
        List<LicenceStatement> statements = licence.statements().stream()
                .map(s -> new LicenceStatement(s.text(), s.url()))
                .toList();
        return new DeclaredLicence(
                statements, licence.inheritedFrom() == null ? null : packages.get(licence.inheritedFrom()));
    }

    private static int index(Map<PackageRef, Integer> table, PackageRef pkg) {
        return table.computeIfAbsent(pkg, p -> table.size());
    }
}
