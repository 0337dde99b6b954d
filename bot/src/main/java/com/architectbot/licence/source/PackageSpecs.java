package com.architectbot.licence.source;

import com.architectbot.core.PermanentFailure;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.PackageRef;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads one package a user names: a Package URL ({@code pkg:npm/react@18.2.0}), Maven coordinates
 * ({@code group:artifact:version}) or an npm spec ({@code name@version}, {@code @scope/name@version}).
 * A version is required: a licence belongs to a release, and "latest" changes under the user's feet.
 */
public final class PackageSpecs {

    /** Shown to the user with every rejected spec. */
    static final String ACCEPTED_FORMS = """
            Accepted forms:
            • Package URL: pkg:maven/org.apache.commons/commons-lang3@3.14.0, pkg:npm/react@18.2.0, \
            pkg:npm/%40scope/name@1.0.0, pkg:pypi/requests@2.31.0, pkg:cargo/serde@1.0.197, \
            pkg:golang/github.com/gorilla/mux@v1.8.0, pkg:nuget/Newtonsoft.Json@13.0.3
            • Maven coordinates: org.apache.commons:commons-lang3:3.14.0
            • npm: react@18.2.0 or @scope/name@1.0.0""";

    private static final int MAX_ECHOED_CHARS = 120;

    private PackageSpecs() {}

    /**
     * @throws PermanentFailure when the spec is none of the accepted forms; its user message says why
     *     and lists the forms
     */
    public static PackageRef parse(String spec) {
        String trimmed = spec == null ? "" : spec.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw rejected(trimmed, "it is empty or contains spaces");
        }
        if (trimmed.regionMatches(true, 0, "pkg:", 0, 4)) {
            return fromPurl(trimmed);
        }
        if (trimmed.contains(":")) {
            return fromMavenCoordinates(trimmed);
        }
        return fromNpmSpec(trimmed);
    }

    private static PackageRef fromPurl(String spec) {
        PackageURL purl;
        try {
            purl = new PackageURL(spec);
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw rejected(spec, "it is not a valid Package URL (" + e.getMessage() + ")");
        }
        Ecosystem ecosystem = ecosystemOf(spec, purl.getType());
        return ref(spec, ecosystem, purl.getNamespace(), purl.getName(), purl.getVersion());
    }

    private static Ecosystem ecosystemOf(String spec, String purlType) {
        return Arrays.stream(Ecosystem.values())
                .filter(e -> e.purlType().equals(purlType.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> rejected(
                        spec,
                        "package type '" + purlType + "' is not supported (supported: "
                                + Arrays.stream(Ecosystem.values())
                                        .map(Ecosystem::purlType)
                                        .collect(Collectors.joining(", "))
                                + ")"));
    }

    /** {@code g:a:v}, plus Maven's longer {@code g:a:type:v} and {@code g:a:type:classifier:v}. */
    private static PackageRef fromMavenCoordinates(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 3 || parts.length > 5 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw rejected(spec, "Maven coordinates are group:artifact:version");
        }
        return ref(spec, Ecosystem.MAVEN, parts[0], parts[1], parts[parts.length - 1]);
    }

    private static PackageRef fromNpmSpec(String spec) {
        int at = spec.lastIndexOf('@');
        if (at <= 0) {
            throw rejected(spec, "npm packages are name@version");
        }
        String fullName = spec.substring(0, at);
        String version = spec.substring(at + 1);
        if (!fullName.startsWith("@")) {
            if (fullName.contains("/")) {
                throw rejected(spec, "an npm name with a '/' needs its @scope");
            }
            return ref(spec, Ecosystem.NPM, null, fullName, version);
        }
        int slash = fullName.indexOf('/');
        if (slash < 2 || slash == fullName.length() - 1 || fullName.indexOf('/', slash + 1) >= 0) {
            throw rejected(spec, "a scoped npm name is @scope/name");
        }
        return ref(spec, Ecosystem.NPM, fullName.substring(0, slash), fullName.substring(slash + 1), version);
    }

    private static PackageRef ref(String spec, Ecosystem ecosystem, String namespace, String name, String version) {
        if (version == null || version.isBlank()) {
            throw rejected(spec, "it has no version; a licence check needs the exact release");
        }
        if (name == null || name.isBlank()) {
            throw rejected(spec, "it has no package name");
        }
        if (ecosystem == Ecosystem.NPM && namespace != null && !namespace.startsWith("@")) {
            namespace = "@" + namespace;
        }
        if (ecosystem == Ecosystem.NPM && !NpmNames.valid(namespace == null ? name : namespace + "/" + name)) {
            throw rejected(spec, "it is not a valid npm package name (" + NpmNames.RULE + ")");
        }
        return new PackageRef(ecosystem, namespace, name, version);
    }

    private static PermanentFailure rejected(String spec, String why) {
        String echoed = spec.length() > MAX_ECHOED_CHARS ? spec.substring(0, MAX_ECHOED_CHARS) + "…" : spec;
        String message = "Cannot read \"" + echoed + "\" as a package: " + why + ".\n" + ACCEPTED_FORMS;
        return new PermanentFailure(message, "rejected package spec: " + why, null);
    }
}
