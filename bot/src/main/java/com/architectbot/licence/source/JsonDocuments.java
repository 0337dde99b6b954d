package com.architectbot.licence.source;

import com.architectbot.licence.DeclaredLicence;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.LicenceStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading the JSON answers of npm, PyPI, crates.io and deps.dev the same way. */
public final class JsonDocuments {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** The request headers of a GET for a JSON document. */
    static final Map<String, String> ACCEPT = Map.of("Accept", "application/json");

    private static final Logger log = LoggerFactory.getLogger(JsonDocuments.class);

    private JsonDocuments() {}

    /** Turns an HTTP answer into a look-up, with {@code extract} reading a licence from the document. */
    static Lookup read(
            RegistryHttp.Answer<String> answer, String registry, Function<JsonNode, DeclaredLicence> extract) {
        if (!(answer instanceof RegistryHttp.Answer.Read<String> read)) {
            return UnknownLookup.of(registry, answer);
        }
        try {
            return new Lookup.Found(extract.apply(MAPPER.readTree(read.value())));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("{} answered with an unreadable document: {}", registry, e.toString());
            return UnknownLookup.of(registry, answer);
        }
    }

    /**
     * A statement from a text node, or from an object's name and URL fields; empty when there is
     * neither. {@code whole} is the node itself, taken as the text when it is a plain string.
     */
    static Optional<LicenceStatement> statement(JsonNode name, JsonNode url, JsonNode whole) {
        String text = whole.isTextual() ? whole.asText() : name.isTextual() ? name.asText() : null;
        String link = url.isTextual() ? url.asText() : null;
        if (blank(text) && blank(link)) {
            return Optional.empty();
        }
        return Optional.of(new LicenceStatement(text, link));
    }

    static Optional<LicenceStatement> text(JsonNode node) {
        return node.isTextual() && !blank(node.asText())
                ? Optional.of(new LicenceStatement(node.asText(), null))
                : Optional.empty();
    }

    /** One URL path segment, '/' included, percent-encoded. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
