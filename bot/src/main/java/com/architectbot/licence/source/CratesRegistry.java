package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;

/** crates.io ({@code /api/v1/crates/<name>/<version>}): {@code version.license}, an SPDX expression. */
final class CratesRegistry implements LicenceRegistry {

    static final String NAME = "crates.io";

    private final RegistryHttp http;
    private final URI base;

    CratesRegistry(RegistryHttp http, URI base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        URI uri = URI.create(base + "api/v1/crates/" + JsonDocuments.pathSegment(pkg.name()) + "/"
                + JsonDocuments.pathSegment(pkg.version()));
        return JsonDocuments.read(
                http.get(uri, JsonDocuments.ACCEPT, RegistryHttp.BodyReader.TEXT), NAME, CratesRegistry::licence);
    }

    static DeclaredLicence licence(JsonNode document) {
        return JsonDocuments.text(document.path("version").path("license"))
                .map(statement -> new DeclaredLicence(List.of(statement), null))
                .orElse(DeclaredLicence.none());
    }
}
