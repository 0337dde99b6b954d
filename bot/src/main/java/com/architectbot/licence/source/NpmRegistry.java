package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The npm registry's version document ({@code /<name>/<version>}, a scoped name as
 * {@code @scope%2Fname}), its licence read as {@link NpmLicences} reads it.
 */
final class NpmRegistry implements LicenceRegistry {

    static final String NAME = "npm registry";

    private final RegistryHttp http;
    private final URI base;

    NpmRegistry(RegistryHttp http, URI base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        String name = pkg.namespace() == null ? pkg.name() : pkg.namespace() + "/" + pkg.name();
        if (!NpmNames.valid(name)) { // a lockfile or SBOM can name anything; a path is not a name
            return new Lookup.Unknown("not a valid npm package name, so it was not looked up");
        }
        URI uri = URI.create(
                base + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%40", "@") + "/"
                        + JsonDocuments.pathSegment(pkg.version()));
        return JsonDocuments.read(
                http.get(uri, JsonDocuments.ACCEPT, RegistryHttp.BodyReader.TEXT), NAME, NpmRegistry::licence);
    }

    static DeclaredLicence licence(JsonNode version) {
        return NpmLicences.declared(version.path("license"), version.path("licenses"));
    }
}
