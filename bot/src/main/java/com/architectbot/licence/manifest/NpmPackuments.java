package com.architectbot.licence.manifest;

import com.architectbot.licence.source.NpmNames;
import com.architectbot.licence.source.ResponseBodies;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Fetches npm packuments ({@code GET /<name>}) in the abbreviated form npm itself installs from:
 * versions, their dependencies and dist-tags, without READMEs, so a popular package stays small.
 */
final class NpmPackuments {

    private static final String ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8";

    sealed interface Fetch {
        record Found(JsonNode packument) implements Fetch {}

        record Missing() implements Fetch {}

        record Failed(String reason) implements Fetch {}
    }

    private final URI registry;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final HttpClient http;

    NpmPackuments(ManifestSettings settings) {
        this.registry = settings.npmRegistryUrl();
        this.requestTimeout = settings.requestTimeout();
        this.maxBodyBytes = settings.maxBodyBytes();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    URI registry() {
        return registry;
    }

    /** Never throws: a registry that is away or does not know the name is a result. */
    Fetch fetch(String name) {
        if (!NpmNames.valid(name)) {
            return new Fetch.Failed("not a valid npm name");
        }
        // a scoped name keeps its '@' and encodes its slash, as the registry expects
        URI uri = registry.resolve(name.replace("/", "%2F"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", ABBREVIATED)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, ResponseBodies.capped(maxBodyBytes));
            return switch (response.statusCode()) {
                case 200 -> new Fetch.Found(JsonManifest.parseBody(response.body()));
                case 404 -> new Fetch.Missing();
                default -> new Fetch.Failed("HTTP " + response.statusCode());
            };
        } catch (HttpTimeoutException e) {
            return new Fetch.Failed("no answer within " + requestTimeout.toMillis() + " ms");
        } catch (JacksonException e) {
            return new Fetch.Failed("the answer was not valid JSON");
        } catch (IOException e) {
            return new Fetch.Failed(ResponseBodies.tooLarge(e)
                    .orElseGet(() ->
                            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetch.Failed("interrupted");
        }
    }
}
