package com.architectbot.licence;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One package in the checked tree.
 *
 * @param path the packages that bring it in, from the direct dependency down to its parent; empty
 *     when it is direct
 * @param declared the licence the input already carries (a lockfile, an SBOM), or null when the
 *     registry must be asked
 */
public record Dependency(PackageRef pkg, boolean direct, List<PackageRef> path, DeclaredLicence declared) {

    public Dependency {
        requireNonNull(pkg, "pkg");
        path = path == null ? List.of() : List.copyOf(path);
    }
}
