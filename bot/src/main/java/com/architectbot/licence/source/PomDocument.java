package com.architectbot.licence.source;

import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The parts of a POM a licence look-up needs: its licences, its parent and its relocation. Properties
 * ({@code ${...}}) are resolved only in those coordinates, from the POM's own {@code <properties>} and
 * the {@code project.*} / {@code project.parent.*} values; a licence needs no more.
 */
record PomDocument(
        PackageRef self,
        Optional<PackageRef> parent,
        Optional<PackageRef> relocation,
        List<LicenceStatement> licences) {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * @param requested the coordinates the POM was fetched for: they fill what the POM leaves out
     * @throws IllegalArgumentException when the text is not a POM or a coordinate uses an undefined
     *     property; the message says which
     */
    static PomDocument parse(String xml, PackageRef requested) {
        Element project = SafeXml.root(xml)
                .filter(root -> "project".equals(SafeXml.localName(root)))
                .orElseThrow(() ->
                        new IllegalArgumentException("not a POM (malformed XML, a DTD, or another root element)"));
        Optional<Element> parentElement = SafeXml.child(project, "parent");
        Map<String, String> values = properties(project, requested, parentElement);
        Optional<PackageRef> parent = parentElement.map(p -> coordinates(p, values, null));
        Optional<PackageRef> relocation = SafeXml.child(project, "distributionManagement")
                .flatMap(dm -> SafeXml.child(dm, "relocation"))
                .map(r -> coordinates(r, values, requested))
                .filter(target -> !target.equals(requested));
        return new PomDocument(requested, parent, relocation, licences(project));
    }

    private static List<LicenceStatement> licences(Element project) {
        return SafeXml.child(project, "licenses").stream()
                .flatMap(licenses -> SafeXml.children(licenses, "license").stream())
                .filter(l -> SafeXml.text(l, "name").isPresent()
                        || SafeXml.text(l, "url").isPresent())
                .map(l -> new LicenceStatement(
                        SafeXml.text(l, "name").orElse(null),
                        SafeXml.text(l, "url").orElse(null)))
                .toList();
    }

    private static Map<String, String> properties(Element project, PackageRef requested, Optional<Element> parent) {
        Map<String, String> values = new HashMap<>();
        SafeXml.child(project, "properties").ifPresent(props -> {
            for (org.w3c.dom.Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    values.put(SafeXml.localName(e), e.getTextContent().strip());
                }
            }
        });
        parent.ifPresent(p -> {
            SafeXml.text(p, "groupId").ifPresent(v -> values.put("project.parent.groupId", v));
            SafeXml.text(p, "version").ifPresent(v -> values.put("project.parent.version", v));
        });
        values.put("project.groupId", SafeXml.text(project, "groupId").orElse(requested.namespace()));
        values.put("project.artifactId", requested.name());
        values.put("project.version", SafeXml.text(project, "version").orElse(requested.version()));
        return values;
    }

    /** Coordinates in an element; missing parts come from {@code fallback} (a relocation's own POM). */
    private static PackageRef coordinates(Element element, Map<String, String> values, PackageRef fallback) {
        String group = SafeXml.text(element, "groupId").orElse(fallback == null ? null : fallback.namespace());
        String artifact = SafeXml.text(element, "artifactId").orElse(fallback == null ? null : fallback.name());
        String version = SafeXml.text(element, "version").orElse(fallback == null ? null : fallback.version());
        if (group == null || artifact == null || version == null) {
            throw new IllegalArgumentException(
                    "<" + SafeXml.localName(element) + "> lacks a groupId, artifactId or version");
        }
        return new PackageRef(
                Ecosystem.MAVEN, resolve(group, values), resolve(artifact, values), resolve(version, values));
    }

    private static String resolve(String value, Map<String, String> values) {
        String current = value;
        for (int depth = 0; depth < 5 && current.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = values.get(m.group(1));
                if (replacement == null) {
                    throw new IllegalArgumentException("undefined property ${" + m.group(1) + "} in " + value);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current;
    }
}
