package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceStatement;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON manifests: parsing with a clear failure, and the small reads every JSON reader needs. */
final class JsonManifest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonManifest() {}

    /** @throws com.architectbot.core.PermanentFailure naming the file, line and column */
    static JsonNode parse(CheckInput.Manifest manifest) {
        try {
            JsonNode node = MAPPER.readTree(manifest.content());
            if (node == null || !node.isObject()) {
                throw Malformed.manifest(manifest, "it is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw Malformed.json(manifest, e);
        }
    }

    /** A text field, or null when it is missing, not text, or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.asText().isBlank()
                ? null
                : value.asText().strip();
    }

    static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        if (node == null || !node.isObject()) {
            return List.of();
        }
        return node::fields;
    }

    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                items.add(it.next());
            }
        }
        return items;
    }

    /** The licence a lockfile or SBOM states, or null when it states none: then the registry is asked. */
    static DeclaredLicence declared(List<LicenceStatement> statements) {
        return statements.isEmpty() ? null : new DeclaredLicence(statements, null);
    }

    static DeclaredLicence declared(String text) {
        return text == null ? null : declared(List.of(new LicenceStatement(text, null)));
    }
}
