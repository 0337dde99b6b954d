package com.architectbot.licence.source;

import com.architectbot.licence.PackageRef;
import com.architectbot.licence.release.OwnFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An npm package's own LICENSE/NOTICE, from the tarball its version document names ({@code dist.tarball}).
 * That URL comes from the registry's answer, so it is fetched only when it points at the configured registry
 * (same scheme, host and port): a document naming another host gets no request from us.
 */
final class NpmTarballFiles {

    private final RegistryHttp http;
    private final URI base;
    private final ArchiveLimits limits;

    NpmTarballFiles(RegistryHttp http, URI base, ArchiveLimits limits) {
        this.http = http;
        this.base = base;
        this.limits = limits;
    }

    OwnFiles read(PackageRef pkg) {
        String name = pkg.namespace() == null ? pkg.name() : pkg.namespace() + "/" + pkg.name();
        if (!NpmNames.valid(name)) {
            return new OwnFiles.Unavailable("not a valid npm package name, so it was not looked up");
        }
        URI document = URI.create(
                base + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%40", "@") + "/"
                        + JsonDocuments.pathSegment(pkg.version()));
        RegistryHttp.Answer<String> answer = http.get(document, JsonDocuments.ACCEPT, RegistryHttp.BodyReader.TEXT);
        return answer instanceof RegistryHttp.Answer.Read<String> read
                ? fromDocument(read.value())
                : new OwnFiles.Unavailable(
                        UnknownLookup.of(NpmRegistry.NAME, answer).reason());
    }

    private OwnFiles fromDocument(String body) {
        JsonNode tarball;
        try {
            tarball = JsonDocuments.MAPPER.readTree(body).path("dist").path("tarball");
        } catch (JsonProcessingException e) {
            return new OwnFiles.Unavailable(NpmRegistry.NAME + " answered with a document that could not be read");
        }
        if (!tarball.isTextual()) {
            return new OwnFiles.Unavailable("the version document names no tarball");
        }
        URI uri = onRegistry(tarball.asText());
        if (uri == null) {
            return new OwnFiles.Unavailable("the tarball is not on the configured registry, so it was not fetched");
        }
        return switch (http.getBytes(uri, null, limits.maxArchiveBytes())) {
            case RegistryHttp.Answer.Read<byte[]> ok -> TarballFiles.read(ok.value(), limits);
            case RegistryHttp.Answer.NotFound<byte[]> notFound ->
                new OwnFiles.Unavailable("the tarball is not in " + NpmRegistry.NAME);
            case RegistryHttp.Answer.NotModified<byte[]> notModified ->
                new OwnFiles.Unavailable("the registry answered 304 to an unconditional request");
            case RegistryHttp.Answer.Failed<byte[]> failed ->
                new OwnFiles.Unavailable("the tarball could not be fetched: " + failed.reason());
        };
    }

    /** The tarball URL when it is on the registry's own scheme, host and port; null otherwise. */
    private URI onRegistry(String url) {
        try {
            URI uri = new URI(url);
            return SameOrigin.as(uri, base) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
