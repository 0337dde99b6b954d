package com.architectbot.licence.manifest;

import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Builds {@link PackageRef}s the way each ecosystem names its packages. */
final class Packages {

    private Packages() {}

    static PackageRef maven(String groupId, String artifactId, String version) {
        return new PackageRef(Ecosystem.MAVEN, groupId, artifactId, version);
    }

    /** {@code @scope/name} keeps its scope as the namespace. */
    static PackageRef npm(String name, String version) {
        int slash = name.indexOf('/');
        if (name.startsWith("@") && slash > 0) {
            return new PackageRef(Ecosystem.NPM, name.substring(0, slash), name.substring(slash + 1), version);
        }
        return new PackageRef(Ecosystem.NPM, null, name, version);
    }

    /** PyPI names compare after PEP 503 normalisation: {@code Flask_SQLAlchemy} is {@code flask-sqlalchemy}. */
    static PackageRef pypi(String name, String version) {
        return new PackageRef(Ecosystem.PYPI, null, name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT), version);
    }

    static PackageRef cargo(String name, String version) {
        return new PackageRef(Ecosystem.CARGO, null, name, version);
    }

    /** A Go module path splits at its last slash: {@code github.com/pkg/errors} → {@code github.com/pkg}, {@code errors}. */
    static PackageRef go(String modulePath, String version) {
        int slash = modulePath.lastIndexOf('/');
        return slash < 0
                ? new PackageRef(Ecosystem.GOLANG, null, modulePath, version)
                : new PackageRef(Ecosystem.GOLANG, modulePath.substring(0, slash), modulePath.substring(slash + 1), version);
    }

    /**
     * Reads the Package URL an SBOM gives for a component; empty for a type we do not check
     * ({@code pkg:deb/...}, {@code pkg:generic/...}) or a string that is no purl.
     */
    static Optional<PackageRef> fromPurl(String purl) {
        if (purl == null || !purl.startsWith("pkg:")) {
            return Optional.empty();
        }
        String rest = purl.substring(4).replaceFirst("^/+", "");
        rest = cut(cut(rest, '#'), '?');
        int typeEnd = rest.indexOf('/');
        if (typeEnd <= 0) {
            return Optional.empty();
        }
        Optional<Ecosystem> ecosystem = ecosystem(rest.substring(0, typeEnd));
        String coordinates = rest.substring(typeEnd + 1);
        String version = null;
        int at = coordinates.lastIndexOf('@');
        if (at > 0) {
            version = decode(coordinates.substring(at + 1));
            coordinates = coordinates.substring(0, at);
        }
        int slash = coordinates.lastIndexOf('/');
        String namespace = slash < 0 ? null : decode(coordinates.substring(0, slash));
        String name = decode(coordinates.substring(slash + 1));
        if (name.isBlank()) {
            return Optional.empty();
        }
        String v = version;
        return ecosystem.map(e -> e == Ecosystem.PYPI ? pypi(name, v) : new PackageRef(e, namespace, name, v));
    }

    private static Optional<Ecosystem> ecosystem(String purlType) {
        String type = purlType.toLowerCase(Locale.ROOT);
        for (Ecosystem ecosystem : Ecosystem.values()) {
            if (ecosystem.purlType().equals(type)) {
                return Optional.of(ecosystem);
            }
        }
        return Optional.empty();
    }

    private static String cut(String text, char at) {
        int index = text.indexOf(at);
        return index < 0 ? text : text.substring(0, index);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
