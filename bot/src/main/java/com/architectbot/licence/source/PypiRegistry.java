package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry;
import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.PackageRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PyPI's JSON API ({@code /pypi/<name>/<version>/json}). In order of trust: {@code
 * info.license_expression} (PEP 639), then {@code info.license} when it is a licence name rather than
 * the whole licence text, then the {@code License ::} trove classifiers, then the first line of a
 * pasted licence text so that the report still shows something the user can recognise.
 */
final class PypiRegistry implements LicenceRegistry {

    static final String NAME = "PyPI";
    /** Longer than any licence name; a longer {@code license} field is the licence text itself. */
    static final int MAX_LICENCE_NAME_CHARS = 200;

    private static final String CLASSIFIER_PREFIX = "License ::";

    private final RegistryHttp http;
    private final URI base;

    PypiRegistry(RegistryHttp http, URI base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public Lookup lookup(PackageRef pkg) {
        URI uri = URI.create(base + "pypi/" + JsonDocuments.pathSegment(normalised(pkg.name())) + "/"
                + JsonDocuments.pathSegment(pkg.version()) + "/json");
        return JsonDocuments.read(
                http.get(uri, JsonDocuments.ACCEPT, RegistryHttp.BodyReader.TEXT), NAME, PypiRegistry::licence);
    }

    /** PEP 503: case and runs of '-', '_', '.' do not distinguish projects. */
    static String normalised(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    static DeclaredLicence licence(JsonNode document) {
        JsonNode info = document.path("info");
        Optional<LicenceStatement> expression = JsonDocuments.text(info.path("license_expression"));
        if (expression.isPresent()) {
            return new DeclaredLicence(List.of(expression.get()), null);
        }
        String field = info.path("license").asText("").strip();
        if (isLicenceName(field)) {
            return new DeclaredLicence(List.of(new LicenceStatement(field, null)), null);
        }
        List<LicenceStatement> classifiers = classifiers(info.path("classifiers"));
        if (!classifiers.isEmpty()) {
            return new DeclaredLicence(classifiers, null);
        }
        return firstLine(field)
                .map(line -> new DeclaredLicence(List.of(new LicenceStatement(line, null)), null))
                .orElse(DeclaredLicence.none());
    }

    private static boolean isLicenceName(String field) {
        return !field.isEmpty()
                && !field.equalsIgnoreCase("UNKNOWN")
                && field.length() <= MAX_LICENCE_NAME_CHARS
                && field.lines().count() == 1;
    }

    /** {@code License :: OSI Approved :: MIT License} becomes "MIT License". */
    private static List<LicenceStatement> classifiers(JsonNode classifiers) {
        List<LicenceStatement> statements = new ArrayList<>();
        for (JsonNode classifier : classifiers) {
            String text = classifier.asText("");
            if (!text.startsWith(CLASSIFIER_PREFIX)) {
                continue;
            }
            String[] parts = text.split("::");
            String last = parts[parts.length - 1].strip();
            if (parts.length > 1 && !last.equals("OSI Approved")) {
                statements.add(new LicenceStatement(last, null));
            }
        }
        return statements;
    }

    private static Optional<String> firstLine(String field) {
        if (field.equalsIgnoreCase("UNKNOWN")) {
            return Optional.empty();
        }
        return field.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .map(line -> line.length() > MAX_LICENCE_NAME_CHARS ? line.substring(0, MAX_LICENCE_NAME_CHARS) : line);
    }
}
