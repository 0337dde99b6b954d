package com.architectbot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import java.net.URI;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Reads a request body as an activity, strictly: valid JSON, an object, with the fields every later
 * step relies on. Anything else is the sender's mistake (400), never ours (500).
 */
final class ActivityParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ActivityParser() {}

    static Activity parse(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new Malformed("body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Malformed("body is not a JSON object");
        }
        requireText(node, "type");
        requireText(node, "channelId");
        requireUrl(node.path("serviceUrl").asText(""));
        requireText(node.path("conversation"), "id", "conversation.id");
        requireText(node.path("recipient"), "id", "recipient.id");
        requireLocale(node.path("locale"));
        if (ActivityTypes.MESSAGE.equals(node.path("type").asText())) {
            requireText(node, "id");
            requireText(node.path("from"), "id", "from.id");
        }
        try {
            Activity activity = Serialization.safeGetAs(node, Activity.class);
            if (activity == null) {
                throw new Malformed("body is not an activity");
            }
            return activity;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Malformed("body is not an activity: a field has the wrong type");
        }
    }

    private static void requireText(JsonNode node, String field) {
        requireText(node, field, field);
    }

    private static void requireText(JsonNode node, String field, String name) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Malformed("activity has no " + name);
        }
    }

    /** Absent, or a BCP 47 tag: the SDK builds a {@link Locale} from it and throws mid-turn otherwise. */
    private static void requireLocale(JsonNode locale) {
        if (locale.isMissingNode() || locale.isNull() || locale.asText().isEmpty()) {
            return;
        }
        try {
            new Locale.Builder().setLanguageTag(locale.asText());
        } catch (IllformedLocaleException e) {
            throw new Malformed("activity has no valid locale");
        }
    }

    private static void requireUrl(String serviceUrl) {
        try {
            URI uri = URI.create(serviceUrl);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new Malformed("activity has no http(s) serviceUrl");
            }
        } catch (IllegalArgumentException e) {
            throw new Malformed("activity has no valid serviceUrl");
        }
    }

    /** The body is not a well-formed activity. */
    static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason);
        }
    }
}
