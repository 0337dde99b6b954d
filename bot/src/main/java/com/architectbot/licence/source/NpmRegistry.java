package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The npm registry's version document ({@code /<name>/<version>}, a scoped name as
 * {@code @scope%2Fname}): {@code license} as a string or a {@code {type, url}} object, else the legacy
 * {@code licenses} array, whose entries are alternatives.
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
        return JsonDocuments.read(http.get(uri, "application/json"), NAME, NpmRegistry::licence);
    }

    static DeclaredLicence licence(JsonNode version) {
        List<LicenceStatement> statements = new ArrayList<>();
        JsonNode license = version.path("license");
        if (license.isArray()) {
            license.forEach(entry -> JsonDocuments.statement(entry.path("type"), entry.path("url"), entry)
                    .ifPresent(statements::add));
        } else {
            JsonDocuments.statement(license.path("type"), license.path("url"), license)
                    .ifPresent(statements::add);
        }
        if (statements.isEmpty()) {
            version.path("licenses")
                    .forEach(entry -> JsonDocuments.statement(entry.path("type"), entry.path("url"), entry)
                            .ifPresent(statements::add));
        }
        return new DeclaredLicence(statements, null);
    }
}
