package com.architectbot.licence.manifest;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.PackageSpecs;
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
        return new PackageRef(
                Ecosystem.PYPI, null, name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT), version);
    }

    static PackageRef cargo(String name, String version) {
        return new PackageRef(Ecosystem.CARGO, null, name, version);
    }

    /** A Go module path splits at its last slash: {@code github.com/pkg/errors} → {@code github.com/pkg}, {@code errors}. */
    static PackageRef go(String modulePath, String version) {
        int slash = modulePath.lastIndexOf('/');
        return slash < 0
                ? new PackageRef(Ecosystem.GOLANG, null, modulePath, version)
                : new PackageRef(
                        Ecosystem.GOLANG, modulePath.substring(0, slash), modulePath.substring(slash + 1), version);
    }

    /**
     * Reads the Package URL an SBOM gives for a component; empty for a type we do not check
     * ({@code pkg:deb/...}, {@code pkg:generic/...}) or a string that is no purl.
     */
    static Optional<PackageRef> fromPurl(String purl) {
        if (purl == null || !purl.startsWith("pkg:")) {
            return Optional.empty();
        }
        try {
            PackageRef ref = PackageSpecs.parse(purl);
            return Optional.of(ref.ecosystem() == Ecosystem.PYPI ? pypi(ref.name(), ref.version()) : ref);
        } catch (PermanentFailure unsupported) {
            return Optional.empty();
        }
    }
}
