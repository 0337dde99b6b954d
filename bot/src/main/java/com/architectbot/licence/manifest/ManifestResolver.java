package com.architectbot.licence.manifest;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.ManifestNames;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.Dependency;
import com.architectbot.licence.DependencyResolver;
import com.architectbot.licence.DependencyResolver.Stability;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.source.RegistryHttp;
import com.architectbot.licence.source.RegistrySettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns manifests, lockfiles, SBOMs and single package specs into the tree to check. Lockfiles and
 * SBOMs are taken as the exact tree; {@code pom.xml} and {@code package.json} are resolved against
 * their registries; the rest are read as they stand. Several inputs merge, first path wins.
 */
public final class ManifestResolver implements DependencyResolver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestResolver.class);

    private final Function<String, PackageRef> specParser;
    private final MavenTreeReader maven;
    private final NpmRangeReader npm;
    /** The HTTP path this resolver made for itself and closes, or null when it was given one. */
    private final RegistryHttp ownHttp;

    /** The file names the readers understand: how every surface tells a manifest from any other file. */
    public static ManifestNames names() {
        return new ManifestNames(name -> ManifestFormat.byName(name).isPresent(), ManifestFormat.SUPPORTED);
    }

    /** Without a packument cache, on an HTTP path of its own (closed with the resolver). */
    public ManifestResolver(ManifestSettings settings, Function<String, PackageRef> specParser) {
        this(settings, specParser, ownHttp(settings), PackumentCache.NONE, Clock.systemUTC(), true);
    }

    /**
     * @param specParser reads a package URL, {@code g:a:v} or {@code name@version}; throws
     *     {@link com.architectbot.core.PermanentFailure} for one it cannot read
     * @param npmHttp the HTTP path packuments are fetched on, shared with the licence look-ups so the
     *     per-host limit holds for the whole check; its owner closes it
     * @param packuments reduced packuments kept between checks
     */
    public ManifestResolver(
            ManifestSettings settings,
            Function<String, PackageRef> specParser,
            RegistryHttp npmHttp,
            PackumentCache packuments,
            Clock clock) {
        this(settings, specParser, npmHttp, packuments, clock, false);
    }

    private ManifestResolver(
            ManifestSettings settings,
            Function<String, PackageRef> specParser,
            RegistryHttp npmHttp,
            PackumentCache packuments,
            Clock clock,
            boolean ownsHttp) {
        requireNonNull(settings, "settings");
        requireNonNull(npmHttp, "npmHttp");
        this.specParser = requireNonNull(specParser, "specParser");
        this.maven = new MavenTreeReader(settings);
        this.ownHttp = ownsHttp ? npmHttp : null;
        this.npm = new NpmRangeReader(
                new NpmPackuments(settings.npmRegistryUrl(), npmHttp, requireNonNull(packuments, "packuments"), clock),
                npmHttp.maxConcurrentPerHost());
    }

    private static RegistryHttp ownHttp(ManifestSettings settings) {
        RegistrySettings defaults = RegistrySettings.defaults();
        return new RegistryHttp(new RegistrySettings(
                settings.mavenRepositoryUrl(),
                settings.npmRegistryUrl(),
                defaults.pypiUrl(),
                defaults.cratesUrl(),
                defaults.nugetUrl(),
                defaults.depsDevUrl(),
                settings.requestTimeout(),
                RegistrySettings.DEFAULT_MAX_CONCURRENT_PER_HOST,
                settings.retries(),
                RegistrySettings.DEFAULT_RETRY_BACKOFF,
                settings.maxBodyBytes()));
    }

    @Override
    public Resolution resolve(List<CheckInput> inputs, ResolveOptions options) {
        Map<PackageRef, Dependency> dependencies = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Stability stability = Stability.OFFLINE;
        for (CheckInput input : inputs) {
            Resolution resolution = switch (input) {
                case CheckInput.PackageSpec spec ->
                    new Resolution(
                            List.of(new Dependency(specParser.apply(spec.spec()), true, List.of(), null)), List.of());
                case CheckInput.Manifest manifest -> read(manifest, options);
            };
            resolution.dependencies().forEach(d -> dependencies.putIfAbsent(d.pkg(), d));
            problems.addAll(resolution.problems());
            stability = stability.and(resolution.stability());
        }
        return new Resolution(List.copyOf(dependencies.values()), problems, stability);
    }

    private Resolution read(CheckInput.Manifest manifest, ResolveOptions options) {
        ManifestFormat format = ManifestFormat.detect(manifest);
        Resolution resolution = reader(format).read(manifest, options);
        LOG.info(
                "read {} as {}: {} dependencies, {} problems, {}",
                manifest,
                format,
                resolution.dependencies().size(),
                resolution.problems().size(),
                resolution.stability());
        return resolution;
    }

    private ManifestReader reader(ManifestFormat format) {
        return switch (format) {
            case POM -> maven;
            case PACKAGE_JSON -> npm;
            case PACKAGE_LOCK -> new NpmLockReader();
            case REQUIREMENTS -> new RequirementsReader();
            case GO_MOD -> new GoModReader();
            case CARGO_TOML -> new CargoReader.Manifest();
            case CARGO_LOCK -> new CargoReader.Lock();
            case GRADLE -> new GradleReader();
            case CYCLONEDX -> new CycloneDxReader();
            case SPDX -> new SpdxSbomReader();
        };
    }

    /** Releases the Maven resolver's connections and locks, and its own HTTP path. */
    @Override
    public void close() {
        maven.close();
        if (ownHttp != null) {
            ownHttp.close();
        }
    }
}
