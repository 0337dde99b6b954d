package com.architectbot.licence.release;

import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What both SBOM formats list, taken from a licence report once: one entry per package, sorted by purl, and
 * the dependency graph from the findings' paths. A package's parent is the nearest package on its path that
 * the report lists; a direct dependency, or one whose path names no listed package, hangs off the subject.
 *
 * @param entries one per purl (the report's first finding for it: the worst), sorted by purl
 * @param direct the purls that hang off the subject
 * @param children each parent's purl to the purls it brings in
 */
record SbomContents(List<Entry> entries, SortedSet<String> direct, SortedMap<String, SortedSet<String>> children) {

    /** A package and what the report says of it. */
    record Entry(LicenceFinding finding, SbomPackage pkg, SbomLicence licence) {}

    static SbomContents of(LicenceReport report) {
        Map<String, LicenceFinding> byPurl = new TreeMap<>();
        report.dependencies().forEach(finding -> byPurl.putIfAbsent(finding.purl(), finding));
        List<Entry> entries = new ArrayList<>();
        SortedSet<String> direct = new TreeSet<>();
        SortedMap<String, SortedSet<String>> children = new TreeMap<>();
        for (LicenceFinding finding : byPurl.values()) {
            entries.add(new Entry(finding, SbomPackage.of(finding.purl()), SbomLicence.of(finding)));
            String parent = parentOf(finding, byPurl);
            if (parent == null) {
                direct.add(finding.purl());
            } else {
                children.computeIfAbsent(parent, p -> new TreeSet<>()).add(finding.purl());
            }
        }
        return new SbomContents(List.copyOf(entries), direct, children);
    }

    /** The purls {@code purl} brings in, sorted; empty for a leaf. */
    SortedSet<String> childrenOf(String purl) {
        return children.getOrDefault(purl, new TreeSet<>());
    }

    private static String parentOf(LicenceFinding finding, Map<String, LicenceFinding> listed) {
        List<String> path = finding.path();
        for (int i = path.size() - 1; i >= 0; i--) {
            String candidate = path.get(i);
            if (listed.containsKey(candidate) && !candidate.equals(finding.purl())) {
                return candidate;
            }
        }
        return null;
    }
}
