package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Go modules through deps.dev ({@code /v3/systems/go/packages/<module>/versions/<version>}), since the
 * Go module proxy carries no licence metadata. deps.dev lists the licences it found in the module's
 * licence files; all of them apply at once, so several become one {@code AND} statement.
 */
final class GoRegistry implements LicenceRegistry {

    static final String NAME = "deps.dev";

    private final RegistryHttp http;
    private final URI base;

    GoRegistry(RegistryHttp http, URI base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        String module = pkg.namespace() == null ? pkg.name() : pkg.namespace() + "/" + pkg.name();
        URI uri = URI.create(base + "v3/systems/go/packages/" + JsonDocuments.pathSegment(module) + "/versions/"
                + JsonDocuments.pathSegment(pkg.version()));
        return JsonDocuments.read(
                http.get(uri, JsonDocuments.ACCEPT, RegistryHttp.BodyReader.TEXT), NAME, GoRegistry::licence);
    }

    static DeclaredLicence licence(JsonNode document) {
        List<String> found = new ArrayList<>();
        document.path("licenses").forEach(node -> {
            if (node.isTextual() && !node.asText().isBlank()) {
                found.add(node.asText().strip());
            }
        });
        if (found.isEmpty()) {
            return DeclaredLicence.none();
        }
        String text = found.size() == 1
                ? found.getFirst()
                : String.join(
                        " AND ",
                        found.stream()
                                .map(l -> l.contains(" ") ? "(" + l + ")" : l)
                                .toList());
        return new DeclaredLicence(List.of(new LicenceStatement(text, null)), null);
    }
}
