package com.architectbot.licence.source;

import com.architectbot.licence.PackageRef;
import com.architectbot.licence.release.OwnFiles;
import com.architectbot.licence.release.PackageFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A package's own licence files from its registry: the tarball for npm, the jar for Maven; only from the
 * configured registry hosts, through the registries' shared HTTP client and its per-host limits. Other
 * ecosystems' archives are not read yet, which the notices say.
 */
final class RegistryPackageFiles implements PackageFiles {

    private static final Logger log = LoggerFactory.getLogger(RegistryPackageFiles.class);

    private final NpmTarballFiles npm;
    private final MavenJarFiles maven;

    RegistryPackageFiles(RegistryHttp http, RegistrySettings settings, ArchiveLimits limits) {
        this.npm = new NpmTarballFiles(http, settings.npmUrl(), limits);
        this.maven = new MavenJarFiles(http, settings.mavenUrl(), limits);
    }

    @Override
    public OwnFiles read(String purl) {
        PackageRef pkg;
        try {
            pkg = PackageSpecs.parse(purl);
        } catch (RuntimeException e) {
            return new OwnFiles.Unavailable("not a package URL this check can read");
        }
        if (pkg.version() == null) {
            return new OwnFiles.Unavailable("no version given, and the files belong to a release");
        }
        try {
            return switch (pkg.ecosystem()) {
                case NPM -> npm.read(pkg);
                case MAVEN -> maven.read(pkg);
                case PYPI, CARGO, GOLANG, NUGET ->
                    new OwnFiles.Unavailable(
                            "reading " + pkg.ecosystem().purlType() + " archives is not supported yet");
            };
        } catch (RuntimeException e) {
            // one odd archive must not sink the notices of 300 packages
            log.warn("reading the licence files of {} failed unexpectedly", purl, e);
            return new OwnFiles.Unavailable(
                    "the read failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }
}
