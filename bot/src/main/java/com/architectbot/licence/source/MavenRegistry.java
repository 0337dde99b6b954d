package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.PackageRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Maven repository (Central or a mirror). Fetches the artifact's POM and, as Maven's model
 * inheritance does, takes {@code <licenses>} from the nearest POM up the parent chain that declares
 * them ({@code inheritedFrom} names that parent). A {@code <relocation>} is followed to the artifact
 * it points at. Only parents are walked: imported BOMs carry no licences for their users. POMs that Maven
 * Resolver already downloaded into the bot's local repository (resolving a pom.xml's tree) are read from there,
 * not fetched again.
 */
final class MavenRegistry implements LicenceRegistry {

    static final String NAME = "Maven repository";
    /** Real chains are 2 to 5 deep; the limit stops a cycle a mirror might serve. */
    static final int MAX_POMS_PER_LOOKUP = 12;

    private static final Logger log = LoggerFactory.getLogger(MavenRegistry.class);
    /** A POM read from the local repository is answered as a registry's 200 with no headers. */
    private static final HttpHeaders LOCAL_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    private final RegistryHttp http;
    private final URI base;
    private final Path localRepository;

    /** @param localRepository the resolver's cache (same layout as the repository), or null for none */
    MavenRegistry(RegistryHttp http, URI base, Path localRepository) {
        this.http = http;
        this.base = base;
        this.localRepository = localRepository == null
                ? null
                : localRepository.toAbsolutePath().normalize();
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        if (pkg.namespace() == null) {
            return new Lookup.Unknown("a Maven package needs a groupId: " + pkg.name());
        }
        PackageRef current = pkg;
        PackageRef chainStart = pkg;
        Set<PackageRef> seen = new HashSet<>();
        while (seen.add(current) && seen.size() <= MAX_POMS_PER_LOOKUP) {
            RegistryHttp.Answer<String> answer = pom(current);
            if (!(answer instanceof RegistryHttp.Answer.Read<String> read)) {
                return current.equals(chainStart) ? UnknownLookup.of(NAME, answer) : parentMissing(current, answer);
            }
            PomDocument pom;
            try {
                pom = PomDocument.parse(read.value(), current);
            } catch (IllegalArgumentException e) {
                log.warn("unreadable POM {}: {}", current, e.getMessage());
                return new Lookup.Unknown(
                        "the POM of " + coordinates(current) + " could not be read: " + e.getMessage());
            }
            if (pom.relocation().isPresent()) {
                log.debug("{} relocated to {}", current, pom.relocation().get());
                current = pom.relocation().get();
                chainStart = current;
                continue;
            }
            if (!pom.licences().isEmpty()) {
                return new Lookup.Found(
                        new DeclaredLicence(pom.licences(), current.equals(chainStart) ? null : current));
            }
            if (pom.parent().isEmpty()) {
                return new Lookup.Found(DeclaredLicence.none());
            }
            current = pom.parent().get();
        }
        return new Lookup.Unknown(
                "the POMs of " + coordinates(pkg) + " form a cycle or a chain longer than " + MAX_POMS_PER_LOOKUP);
    }

    private static Lookup parentMissing(PackageRef parent, RegistryHttp.Answer<String> answer) {
        return answer instanceof RegistryHttp.Answer.NotFound<String>
                ? new Lookup.Unknown("parent POM " + coordinates(parent) + " not found in " + NAME)
                : UnknownLookup.of(NAME, answer);
    }

    /** The local copy when the resolver has one (a released POM never changes), else the repository's. */
    private RegistryHttp.Answer<String> pom(PackageRef pkg) {
        if (localRepository != null) {
            Path local = localRepository.resolve(pomPath(pkg, false)).normalize(); // "../" in a name stays inside
            try {
                if (local.startsWith(localRepository) && Files.isRegularFile(local)) {
                    return new RegistryHttp.Answer.Read<>(Files.readString(local), 200, LOCAL_HEADERS);
                }
            } catch (IOException e) {
                log.debug("cannot read the cached POM {}: {}", local, e.getMessage()); // fetch it instead
            }
        }
        return http.get(pomUri(pkg), SafeXml.ACCEPT, RegistryHttp.BodyReader.TEXT);
    }

    URI pomUri(PackageRef pkg) {
        return artifactUri(base, pkg, ".pom");
    }

    /** The release's file with this extension ({@code .pom}, {@code .jar}) in the repository at {@code base}. */
    static URI artifactUri(URI base, PackageRef pkg, String extension) {
        return URI.create(base + artifactPath(pkg, extension, true));
    }

    private static String pomPath(PackageRef pkg, boolean encoded) {
        return artifactPath(pkg, ".pom", encoded);
    }

    /** {@code org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom}, URL-encoded or as a file path. */
    private static String artifactPath(PackageRef pkg, String extension, boolean encoded) {
        UnaryOperator<String> segment = encoded ? JsonDocuments::pathSegment : UnaryOperator.identity();
        String group =
                Arrays.stream(pkg.namespace().split("\\.")).map(segment).collect(Collectors.joining("/", "", "/"));
        String artifact = segment.apply(pkg.name());
        String version = segment.apply(pkg.version());
        return group + artifact + "/" + version + "/" + artifact + "-" + version + extension;
    }

    private static String coordinates(PackageRef pkg) {
        return pkg.namespace() + ":" + pkg.name() + ":" + pkg.version();
    }
}
