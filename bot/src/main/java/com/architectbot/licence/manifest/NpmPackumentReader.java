package com.architectbot.licence.manifest;

import com.architectbot.licence.LicenceStatement;
import com.architectbot.licence.source.JsonDocuments;
import com.architectbot.licence.source.NpmLicences;
import com.architectbot.licence.source.RegistryHttp;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a packument as it streams in and keeps only what {@link NpmPackument} holds: every other field
 * (a 10 MB README, tarball data, nested junk) is skipped token by token, never built into a tree. Ranges
 * repeated across versions are kept once.
 */
final class NpmPackumentReader {

    private final Map<String, String> sameText = new HashMap<>();

    private NpmPackumentReader() {}

    /** @throws RegistryHttp.Unreadable when the answer is not a JSON object */
    static NpmPackument read(InputStream body) throws IOException {
        try (JsonParser parser = JsonDocuments.MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new RegistryHttp.Unreadable("the answer was not a JSON object", null);
            }
            return new NpmPackumentReader().packument(parser);
        } catch (JacksonException e) { // the stream's own I/O errors are not JacksonExceptions: those are retried
            throw new RegistryHttp.Unreadable("the answer was not valid JSON", e);
        }
    }

    private NpmPackument packument(JsonParser parser) throws IOException {
        Map<String, String> tags = Map.of();
        Map<String, NpmPackument.Release> versions = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "dist-tags" -> tags = texts(parser);
                case "versions" -> versions = versions(parser);
                default -> parser.skipChildren();
            }
        }
        return new NpmPackument(tags, versions);
    }

    private Map<String, NpmPackument.Release> versions(JsonParser parser) throws IOException {
        Map<String, NpmPackument.Release> versions = new LinkedHashMap<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return versions;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String version = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                versions.put(version, release(parser));
            } else {
                parser.skipChildren();
            }
        }
        return versions;
    }

    private NpmPackument.Release release(JsonParser parser) throws IOException {
        Map<String, String> dependencies = Map.of();
        Map<String, String> optional = Map.of();
        JsonNode license = MissingNode.getInstance();
        JsonNode licenses = MissingNode.getInstance();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "dependencies" -> dependencies = texts(parser);
                case "optionalDependencies" -> optional = texts(parser);
                case "license" -> license = parser.readValueAsTree(); // small, or cut below
                case "licenses" -> licenses = parser.readValueAsTree();
                default -> parser.skipChildren();
            }
        }
        List<LicenceStatement> statements = new ArrayList<>();
        boolean cut = false;
        for (LicenceStatement statement :
                NpmLicences.declared(license, licenses).statements()) {
            LicenceStatement bounded = new LicenceStatement(bounded(statement.text()), bounded(statement.url()));
            cut |= !bounded.equals(statement);
            statements.add(bounded);
        }
        return new NpmPackument.Release(dependencies, optional, statements, cut);
    }

    /** A name-to-text object (dist-tags, requirements); a value that is no text is kept as "", as npm reads it. */
    private Map<String, String> texts(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : "";
            parser.skipChildren();
            texts.put(name, sameText.computeIfAbsent(text, t -> t));
        }
        return texts;
    }

    private static String bounded(String text) {
        return text == null || text.length() <= NpmPackument.MAX_LICENCE_CHARS
                ? text
                : text.substring(0, NpmPackument.MAX_LICENCE_CHARS);
    }
}
