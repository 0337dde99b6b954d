package com.architectbot.licence.manifest;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceStatement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An npm packument reduced to what resolving ranges needs, as {@link NpmPackumentReader} keeps it while
 * the answer streams in: the dist-tags, and per version its runtime requirements and declared licence.
 * READMEs, tarball data, maintainers and timestamps are never held.
 *
 * @param versions by version, in the registry's order
 */
public record NpmPackument(Map<String, String> distTags, Map<String, Release> versions) {

    /** A statement longer than this is cut: enough to recognise a pasted licence text by its wording. */
    public static final int MAX_LICENCE_CHARS = 4096;

    public NpmPackument {
        distTags = ordered(distTags);
        versions = ordered(versions);
    }

    /**
     * One published version.
     *
     * @param dependencies name to range, in the order the version lists them; likewise the optional ones
     * @param licence the statements of its {@code license} (or legacy {@code licenses}); empty when none
     * @param licenceCut whether a statement was longer than {@link #MAX_LICENCE_CHARS} and was cut
     */
    public record Release(
            Map<String, String> dependencies,
            Map<String, String> optionalDependencies,
            List<LicenceStatement> licence,
            boolean licenceCut) {

        public Release {
            dependencies = ordered(dependencies);
            optionalDependencies = ordered(optionalDependencies);
            licence = licence == null ? List.of() : List.copyOf(licence);
        }

        /** The declared licence, or null when the version declares none (then the registry is asked). */
        DeclaredLicence declared() {
            return licence.isEmpty() ? null : new DeclaredLicence(licence, null);
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
