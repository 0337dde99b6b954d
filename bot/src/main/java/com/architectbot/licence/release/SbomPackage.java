package com.architectbot.licence.release;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/**
 * A report's purl taken apart for an SBOM. A purl that does not parse (the report carries whatever a manifest
 * or a registry named) still gets a package, named by the purl's text, but no {@code purl} field that a
 * consumer would trust.
 *
 * @param purl the report's purl, as it is: the package's key and its CycloneDX bom-ref
 * @param group the Maven group id, the npm scope (with its {@code @}), or null
 * @param version null when the purl has none or does not parse
 * @param validPurl whether {@code purl} is a Package URL a consumer can read
 */
record SbomPackage(String purl, String group, String name, String version, boolean validPurl) {

    static SbomPackage of(String purl) {
        try {
            PackageURL parsed = new PackageURL(purl);
            return new SbomPackage(purl, parsed.getNamespace(), parsed.getName(), parsed.getVersion(), true);
        } catch (MalformedPackageURLException | RuntimeException e) {
            return new SbomPackage(purl, null, purl, null, false);
        }
    }

    /** {@code group:artifact} for Maven, {@code @scope/name} for npm, {@code namespace/name} elsewhere. */
    String fullName() {
        if (group == null) {
            return name;
        }
        return group + (purl.startsWith("pkg:maven/") ? ":" : "/") + name;
    }
}
