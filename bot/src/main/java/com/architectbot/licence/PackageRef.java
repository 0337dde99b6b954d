package com.architectbot.licence;

import static java.util.Objects.requireNonNull;

/**
 * One version of one package. {@code namespace} is the Maven group id, the npm scope (with its
 * {@code @}), the Go module path prefix; null where the ecosystem has none.
 */
public record PackageRef(Ecosystem ecosystem, String namespace, String name, String version) {

    public PackageRef {
        requireNonNull(ecosystem, "ecosystem");
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("package name must not be blank");
        }
        namespace = namespace == null || namespace.isBlank() ? null : namespace;
        version = version == null || version.isBlank() ? null : version;
    }

    /** The canonical Package URL, e.g. {@code pkg:npm/%40types/node@20.1.0}. */
    public String purl() {
        StringBuilder purl =
                new StringBuilder("pkg:").append(ecosystem.purlType()).append('/');
        if (namespace != null) {
            purl.append(encode(namespace)).append('/');
        }
        purl.append(encode(name));
        if (version != null) {
            purl.append('@').append(encode(version));
        }
        return purl.toString();
    }

    @Override
    public String toString() {
        return purl();
    }

    private static String encode(String segment) {
        // purl percent-encodes '@' in names (npm scopes); '/' stays for Go module paths
        return segment.replace("%", "%25").replace("@", "%40").replace(" ", "%20");
    }
}
