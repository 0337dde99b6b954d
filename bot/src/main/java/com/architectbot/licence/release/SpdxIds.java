package com.architectbot.licence.release;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPDX element ids for packages. SPDX allows only letters, digits, {@code .} and {@code -} after
 * {@code SPDXRef-}; names come from manifests, so everything else becomes {@code -}, long names are cut, and
 * two packages whose names reduce alike get a counter. Nothing a package is named can reach past the id.
 */
final class SpdxIds {

    static final String PACKAGE_PREFIX = "SPDXRef-Package-";
    static final int MAX_ID_STRING = 80;
    private static final Pattern NOT_IDSTRING = Pattern.compile("[^A-Za-z0-9.-]+");

    private SpdxIds() {}

    /** Each entry's purl to its SPDXID, unique, in the entries' order (sorted by purl, so stable). */
    static Map<String, String> forPackages(List<SbomContents.Entry> entries) {
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (SbomContents.Entry entry : entries) {
            String version =
                    entry.pkg().version() == null ? "" : "-" + entry.pkg().version();
            String base = PACKAGE_PREFIX + idString(entry.pkg().fullName() + version, "package");
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "-" + n;
            }
            ids.put(entry.pkg().purl(), id);
        }
        return ids;
    }

    /** {@code text} reduced to SPDX idstring characters, at most {@value #MAX_ID_STRING}; {@code fallback} if none. */
    static String idString(String text, String fallback) {
        String id = NOT_IDSTRING.matcher(text).replaceAll("-").replaceAll("^-+|-+$", "");
        if (id.length() > MAX_ID_STRING) {
            id = id.substring(0, MAX_ID_STRING).replaceAll("-+$", "");
        }
        return id.isEmpty() ? fallback : id;
    }
}
