package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.PackageRef;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Maven repository (Central or a mirror). Fetches the artifact's POM and, as Maven's model
 * inheritance does, takes {@code <licenses>} from the nearest POM up the parent chain that declares
 * them ({@code inheritedFrom} names that parent). A {@code <relocation>} is followed to the artifact
 * it points at. Only parents are walked: imported BOMs carry no licences for their users.
 */
final class MavenRegistry implements LicenceRegistry {

    static final String NAME = "Maven repository";
    /** Real chains are 2 to 5 deep; the limit stops a cycle a mirror might serve. */
    static final int MAX_POMS_PER_LOOKUP = 12;
    private static final Logger log = LoggerFactory.getLogger(MavenRegistry.class);

    private final RegistryHttp http;
    private final URI base;

    MavenRegistry(RegistryHttp http, URI base) {
        this.http = http;
        this.base = base;
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
            RegistryHttp.Outcome outcome = http.get(pomUri(current), "application/xml, text/xml");
            if (!(outcome instanceof RegistryHttp.Outcome.Ok ok)) {
                return current.equals(chainStart) ? outcome.unknown(NAME) : parentMissing(current, outcome);
            }
            PomDocument pom;
            try {
                pom = PomDocument.parse(ok.body(), current);
            } catch (IllegalArgumentException e) {
                log.warn("unreadable POM {}: {}", current, e.getMessage());
                return new Lookup.Unknown("the POM of " + coordinates(current) + " could not be read: " + e.getMessage());
            }
            if (pom.relocation().isPresent()) {
                log.debug("{} relocated to {}", current, pom.relocation().get());
                current = pom.relocation().get();
                chainStart = current;
                continue;
            }
            if (!pom.licences().isEmpty()) {
                return new Lookup.Found(new DeclaredLicence(pom.licences(), current.equals(chainStart) ? null : current));
            }
            if (pom.parent().isEmpty()) {
                return new Lookup.Found(DeclaredLicence.none());
            }
            current = pom.parent().get();
        }
        return new Lookup.Unknown("the POMs of " + coordinates(pkg) + " form a cycle or a chain longer than "
                + MAX_POMS_PER_LOOKUP);
    }

    private static Lookup parentMissing(PackageRef parent, RegistryHttp.Outcome outcome) {
        return switch (outcome) {
            case RegistryHttp.Outcome.NotFound notFound ->
                    new Lookup.Unknown("parent POM " + coordinates(parent) + " not found in " + NAME);
            case RegistryHttp.Outcome.Ok ok -> outcome.unknown(NAME);
            case RegistryHttp.Outcome.Failed failed -> outcome.unknown(NAME);
        };
    }

    URI pomUri(PackageRef pkg) {
        String group = Arrays.stream(pkg.namespace().split("\\."))
                .map(JsonDocuments::pathSegment)
                .collect(Collectors.joining("/", "", "/"));
        String artifact = JsonDocuments.pathSegment(pkg.name());
        String version = JsonDocuments.pathSegment(pkg.version());
        return URI.create(base + group + artifact + "/" + version + "/" + artifact + "-" + version + ".pom");
    }

    private static String coordinates(PackageRef pkg) {
        return pkg.namespace() + ":" + pkg.name() + ":" + pkg.version();
    }
}
