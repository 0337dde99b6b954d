package com.architectbot.licence.source;

import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.release.PackageFiles;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LicenceRegistry} for every ecosystem: sends each package to its registry's client. All
 * clients share one HTTP client, so the per-host limits hold across a whole check.
 */
public final class Registries implements LicenceRegistry, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Registries.class);

    private final RegistryHttp http;
    private final MavenRegistry maven;
    private final NpmRegistry npm;
    private final PypiRegistry pypi;
    private final CratesRegistry crates;
    private final NugetRegistry nuget;
    private final GoRegistry go;
    private final RegistryPackageFiles packageFiles;

    public Registries(RegistrySettings settings) {
        this(settings, null);
    }

    /** @param mavenLocalRepository where Maven Resolver caches POMs (read before the network), or null */
    public Registries(RegistrySettings settings, Path mavenLocalRepository) {
        this.http = new RegistryHttp(settings);
        this.maven = new MavenRegistry(http, settings.mavenUrl(), mavenLocalRepository);
        this.npm = new NpmRegistry(http, settings.npmUrl());
        this.pypi = new PypiRegistry(http, settings.pypiUrl());
        this.crates = new CratesRegistry(http, settings.cratesUrl());
        this.nuget = new NugetRegistry(http, settings.nugetUrl());
        this.go = new GoRegistry(http, settings.depsDevUrl());
        this.packageFiles = new RegistryPackageFiles(http, settings, ArchiveLimits.DEFAULTS);
    }

    /** Packages' own LICENSE/NOTICE files, over the same HTTP client (and per-host limits) as the look-ups. */
    public PackageFiles packageFiles() {
        return packageFiles;
    }

    /** The HTTP path these clients share, for other readers of the same registries (npm packuments). */
    public RegistryHttp http() {
        return http;
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        if (pkg.version() == null) {
            return new Lookup.Unknown("no version given, and a licence belongs to a release");
        }
        try {
            return registryFor(pkg).lookup(pkg);
        } catch (RuntimeException e) {
            // a partial report beats a crash: one odd document must not sink a 200-package check
            log.warn("licence look-up of {} failed unexpectedly", pkg, e);
            return new Lookup.Unknown(
                    "the look-up failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Closes the shared HTTP client; look-ups after this fail as unreachable. */
    @Override
    public void close() {
        http.close();
    }

    private LicenceRegistry registryFor(PackageRef pkg) {
        return switch (pkg.ecosystem()) {
            case MAVEN -> maven;
            case NPM -> npm;
            case PYPI -> pypi;
            case CARGO -> crates;
            case GOLANG -> go;
            case NUGET -> nuget;
        };
    }
}
