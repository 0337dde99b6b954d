package com.architectbot.licence.manifest;

import java.util.Map;
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

    static Optional<String> pick(NpmPackument packument, String range) {
        Map<String, String> tags = packument.distTags();
        String spec = range == null ? "" : range.strip();
        String tagged = tags.get(spec);
        if (tagged != null && !tagged.isEmpty()) {
            return Optional.of(tagged);
        }
        RangesList ranges;
        try {
            ranges = RangesListFactory.create(spec.isEmpty() ? "*" : spec);
        } catch (IllegalArgumentException e) { // SemverException included
            return Optional.empty();
        }
        Semver latest = Semver.parse(tags.getOrDefault("latest", ""));
        if (latest != null && packument.versions().containsKey(latest.getVersion()) && latest.satisfies(ranges)) {
            return Optional.of(latest.getVersion());
        }
        Semver best = null;
        for (String version : packument.versions().keySet()) {
            Semver candidate = Semver.parse(version);
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
