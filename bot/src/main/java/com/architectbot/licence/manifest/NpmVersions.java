package com.architectbot.licence.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * Picks the version npm would install for a range, as npm-pick-manifest does: the {@code latest}
 * tag when it satisfies the range, else the highest satisfying release (pre-releases only when the
 * range names one). A dist-tag name picks that tag.
 */
final class NpmVersions {

    private NpmVersions() {}

    static Optional<String> pick(JsonNode packument, String range) {
        JsonNode tags = packument.path("dist-tags");
        JsonNode versions = packument.path("versions");
        String spec = range == null ? "" : range.strip();
        if (tags.hasNonNull(spec)) {
            return Optional.of(tags.get(spec).asText());
        }
        RangesList ranges;
        try {
            ranges = RangesListFactory.create(spec.isEmpty() ? "*" : spec);
        } catch (IllegalArgumentException e) { // SemverException included
            return Optional.empty();
        }
        Semver latest = Semver.parse(tags.path("latest").asText(""));
        if (latest != null && versions.has(latest.getVersion()) && latest.satisfies(ranges)) {
            return Optional.of(latest.getVersion());
        }
        Semver best = null;
        for (Iterator<String> it = versions.fieldNames(); it.hasNext(); ) {
            Semver candidate = Semver.parse(it.next());
            if (candidate != null && candidate.satisfies(ranges) && (best == null || candidate.isGreaterThan(best))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best).map(Semver::getVersion);
    }

    /** Whether the spec names a registry version at all (not git, a path, a URL or a tarball). */
    static boolean fromRegistry(String spec) {
        String s = spec.strip();
        return !(s.contains("://")
                || s.startsWith("git")
                || s.startsWith("file:")
                || s.startsWith("link:")
                || s.startsWith("workspace:")
                || s.startsWith(".")
                || s.startsWith("/")
                || s.matches("^[\\w.-]+/[\\w.-]+(#.*)?$"));
    }
}
