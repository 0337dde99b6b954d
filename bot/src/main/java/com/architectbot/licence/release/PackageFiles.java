package com.architectbot.licence.release;

/**
 * The port to a package's own licence files: its LICENSE and NOTICE as the registry's archive of that release
 * holds them (an npm tarball, a Maven jar). Implementations never throw for a registry that is away or an
 * archive that is odd: that is an {@link OwnFiles.Unavailable} with the reason.
 */
public interface PackageFiles {

    /** The files of the package this Package URL names, e.g. {@code pkg:npm/express@4.18.2}. */
    OwnFiles read(String purl);
}
