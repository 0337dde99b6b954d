package com.architectbot.ops;

import com.architectbot.licence.source.RegistrySettings;
import com.architectbot.ops.Doctor.Finding;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Whether each licence registry answers: one GET of its configured base URL (the NuGet service index, the
 * npm and PyPI front pages, the Maven repository root), all at once. Any answer below 500 counts (a
 * mirror's root may well say 404); a 5xx, a refused connection or silence does not.
 */
final class RegistryReachability {

    static final String CHECK = "Licence registries";

    private RegistryReachability() {}

    static Finding check(RegistrySettings settings, Duration timeout) {
        Map<String, URI> registries = new LinkedHashMap<>();
        registries.put("maven", settings.mavenUrl());
        registries.put("npm", settings.npmUrl());
        registries.put("pypi", settings.pypiUrl());
        registries.put("crates", settings.cratesUrl());
        registries.put("nuget", settings.nugetUrl());
        registries.put("deps.dev", settings.depsDevUrl());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Map<String, CompletableFuture<String>> answers = new LinkedHashMap<>();
        registries.forEach((name, uri) -> answers.put(name, probe(http, uri, timeout)));
        List<String> failed = answers.entrySet().stream()
                .filter(answer -> !answer.getValue().join().startsWith("HTTP"))
                .map(answer -> answer.getKey() + " at " + registries.get(answer.getKey()) + ": "
                        + answer.getValue().join())
                .toList();
        if (!failed.isEmpty()) {
            return Finding.failed(
                    CHECK,
                    String.join("; ", failed),
                    "set the variable of each registry named "
                            + "(MAVEN_REPOSITORY_URL, NPM_REGISTRY_URL, PYPI_URL, CRATES_URL, NUGET_URL, DEPS_DEV_URL) to a "
                            + "reachable mirror, or allow this host to reach it");
        }
        return Finding.ok(
                CHECK,
                answers.entrySet().stream()
                        .map(answer -> answer.getKey() + " " + answer.getValue().join())
                        .collect(Collectors.joining(", ")));
    }

    /** "HTTP 200" when it answered below 500, else what went wrong. */
    private static CompletableFuture<String> probe(HttpClient http, URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() < 500
                        ? "HTTP " + response.statusCode()
                        : "answered HTTP " + response.statusCode())
                .exceptionally(e -> {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    return "unreachable (" + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
                });
    }
}
