package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.w3c.dom.Element;

/**
 * NuGet V3: the package's {@code .nuspec} from the package content resource
 * ({@code PackageBaseAddress/3.0.0}), found once through the service index so that Artifactory and
 * Nexus feeds work too. The nuspec's {@code <license type="expression">} is an SPDX expression;
 * {@code type="file"} points into the package; older packages only have {@code <licenseUrl>}.
 */
final class NugetRegistry implements LicenceRegistry {

    static final String NAME = "NuGet";
    /** nuget.org sets this licenseUrl on packages that carry a {@code <license>} element. */
    static final String DEPRECATED_LICENCE_URL = "https://aka.ms/deprecateLicenseUrl";

    private static final String PACKAGE_BASE_ADDRESS = "PackageBaseAddress/3.0.0";

    private final RegistryHttp http;
    private final URI serviceIndex;
    private final AtomicReference<URI> packageBase = new AtomicReference<>();

    NugetRegistry(RegistryHttp http, URI nugetUrl) {
        this.http = http;
        this.serviceIndex = nugetUrl.getPath().endsWith(".json") ? nugetUrl : URI.create(nugetUrl + "v3/index.json");
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        BaseAddress base = packageBase();
        if (base.problem() != null) {
            return base.problem();
        }
        String id = JsonDocuments.pathSegment(pkg.name().toLowerCase(Locale.ROOT));
        String version = JsonDocuments.pathSegment(pkg.version().toLowerCase(Locale.ROOT));
        RegistryHttp.Answer<String> answer = http.get(
                URI.create(base.uri() + id + "/" + version + "/" + id + ".nuspec"),
                SafeXml.ACCEPT,
                RegistryHttp.BodyReader.TEXT);
        if (!(answer instanceof RegistryHttp.Answer.Read<String> read)) {
            return UnknownLookup.of(NAME, answer);
        }
        return SafeXml.root(read.value())
                .flatMap(root -> SafeXml.child(root, "metadata"))
                .<Lookup>map(metadata -> new Lookup.Found(licence(metadata)))
                .orElseGet(() -> UnknownLookup.of(NAME, answer));
    }

    /** Either the package content base URL or why there is none. */
    private record BaseAddress(URI uri, Lookup.Unknown problem) {}

    /** Read from the service index on first use and kept; a failure is tried again next time. */
    private BaseAddress packageBase() {
        URI known = packageBase.get();
        if (known != null) {
            return new BaseAddress(known, null);
        }
        RegistryHttp.Answer<String> answer = http.get(serviceIndex, JsonDocuments.ACCEPT, RegistryHttp.BodyReader.TEXT);
        if (answer instanceof RegistryHttp.Answer.NotFound<String>) {
            return new BaseAddress(
                    null,
                    new Lookup.Unknown(NAME + " service index not found at " + serviceIndex + " (check "
                            + RegistrySettings.NUGET_URL + ")"));
        }
        if (!(answer instanceof RegistryHttp.Answer.Read<String> read)) {
            return new BaseAddress(null, UnknownLookup.of(NAME, answer));
        }
        Optional<URI> found = packageBaseIn(read.value());
        if (found.isEmpty()) {
            return new BaseAddress(
                    null,
                    new Lookup.Unknown(NAME + " service index at " + serviceIndex + " lists no " + PACKAGE_BASE_ADDRESS
                            + " resource"));
        }
        packageBase.set(found.get());
        return new BaseAddress(found.get(), null);
    }

    private static Optional<URI> packageBaseIn(String indexJson) {
        try {
            for (JsonNode resource : JsonDocuments.MAPPER.readTree(indexJson).path("resources")) {
                if (resource.path("@type").asText("").startsWith(PACKAGE_BASE_ADDRESS)) {
                    String id = resource.path("@id").asText("");
                    return Optional.of(URI.create(id.endsWith("/") ? id : id + "/"));
                }
            }
        } catch (Exception e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static DeclaredLicence licence(Element metadata) {
        Optional<Element> license = SafeXml.child(metadata, "license");
        if (license.isPresent()) {
            String value = license.get().getTextContent().strip();
            String type = license.get().getAttribute("type");
            if (!value.isEmpty()) {
                String text = "file".equalsIgnoreCase(type) ? "SEE LICENSE IN " + value : value;
                return new DeclaredLicence(List.of(new LicenceStatement(text, null)), null);
            }
        }
        return SafeXml.text(metadata, "licenseUrl")
                .filter(url -> !url.equalsIgnoreCase(DEPRECATED_LICENCE_URL))
                .map(url -> new DeclaredLicence(List.of(new LicenceStatement(null, url)), null))
                .orElse(DeclaredLicence.none());
    }
}
