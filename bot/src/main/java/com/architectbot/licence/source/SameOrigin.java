package com.architectbot.licence.source;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a URL a registry handed us (a tarball link, a redirect) is on the same scheme, host and port as the
 * registry we were configured with, and carries no user info: only then is it fetched.
 */
final class SameOrigin {

    private SameOrigin() {}

    static boolean as(URI candidate, URI registry) {
        return Objects.equals(lower(candidate.getScheme()), lower(registry.getScheme()))
                && Objects.equals(lower(candidate.getHost()), lower(registry.getHost()))
                && port(candidate) == port(registry)
                && candidate.getRawUserInfo() == null;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
