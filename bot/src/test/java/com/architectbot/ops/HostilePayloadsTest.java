package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.server.ServerSettings;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Issue 6, item 8: a thousand malformed or hostile requests against the real, running bot. Every one is
 * refused with a 4xx, or acknowledged with a 200 where the platform's contract asks for one, never a 5xx;
 * the server still answers afterwards, and none of them became a job.
 *
 * <p>Where a 200 is right: Slack expects a 2xx for every authentic event, handled or not, or it retries it
 * and eventually disables the subscription; a signed envelope of an event type the bot does not handle is
 * such an event. Teams likewise expects a 200 for an authentic activity the bot has nothing to do about
 * (typing, an unknown type). Everything unauthenticated, malformed or oversized must be a 4xx.
 *
 * <p>The requests come from a seeded {@link Random} ({@value #SEED}, or {@code -Dhostile.seed=...}), so a
 * failure names its case number and reproduces.
 */
class HostilePayloadsTest {

    private static final long SEED = 20_260_608L;
    private static final int REQUESTS = 1_000;
    /** The loop stops early rather than run past this; the count actually sent is asserted too. */
    private static final Duration BUDGET = Duration.ofSeconds(40);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = (int) ServerSettings.MAX_REQUEST_BYTES;

    private static RunningBot bot;
    private static String forgedToken;
    private final Random random = new Random(Long.getLong("hostile.seed", SEED));

    /** One hostile request and the statuses that are right for it. */
    private record Case(String name, HttpRequest request, boolean ignoredButAuthentic) {

        boolean accepts(int status) {
            return (status >= 400 && status < 500) || (ignoredButAuthentic && status == 200);
        }
    }

    @BeforeAll
    static void start() {
        bot = new RunningBot();
        forgedToken = bot.connector.forgedToken(token -> {}); // a fresh RSA key: made once, it is slow
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void a_thousand_hostile_requests_get_4xx_or_an_ignoring_200_never_a_5xx_and_queue_nothing()
            throws InterruptedException {
        Set<String> marksBefore = enqueuedMarks();
        List<Function<Integer, Case>> generators = generators();
        Map<String, Integer> sentByKind = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();

        int sent = 0;
        String previous = "none";
        while (sent < REQUESTS && System.nanoTime() < deadline) {
            Case hostile = generators.get(random.nextInt(generators.size())).apply(sent);
            sentByKind.merge(hostile.name(), 1, Integer::sum);
            try (HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()) {
                // a connection of its own: a refused request may close it, and must not fail the next one
                HttpResponse<String> response = http.send(hostile.request(), HttpResponse.BodyHandlers.ofString());
                if (!hostile.accepts(response.statusCode())) {
                    wrong.add("#" + sent + " " + hostile.name() + " -> " + response.statusCode() + " "
                            + abbreviate(response.body()));
                }
            } catch (IOException e) { // the server dropped the connection without an answer
                wrong.add("#" + sent + " " + hostile.name() + " (after " + previous + ") -> no response: " + e);
            }
            previous = hostile.name();
            sent++;
        }

        assertThat(wrong)
                .as("requests answered wrongly, of %s sent: %s", sent, sentByKind)
                .isEmpty();
        assertThat(sent).as("requests sent within %s: %s", BUDGET, sentByKind).isEqualTo(REQUESTS);
        assertThat(sentByKind).as("every kind of hostile request was tried").hasSize(generators.size());
        assertThat(bot.send(HttpRequest.newBuilder(bot.uri("/health")).GET().build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(bot.send(HttpRequest.newBuilder(bot.uri("/ready")).GET().build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(enqueuedMarks()).as("inquiries queued").isEqualTo(marksBefore);
        assertThat(bot.model.requests()).as("model calls").isEmpty();
        assertThat(bot.slack.calls("chat.postMessage"))
                .as("Slack messages posted")
                .isEmpty();
        assertThat(bot.connector.activitiesOfType("message"))
                .as("Teams messages sent")
                .isEmpty();
    }

    private List<Function<Integer, Case>> generators() {
        return List.of(
                // Slack: authentication
                i -> slack("slack unsigned", unknownEvent(i), "application/json", Map.of()),
                i -> slackSigned(
                        "slack signed with another secret",
                        unknownEvent(i),
                        "application/json",
                        "not-the-secret",
                        now(),
                        Map.of()),
                i -> slackSignedOff("slack stale signature", i, -(301 + random.nextInt(100_000))),
                i -> slackSignedOff("slack signature from the future", i, 301 + random.nextInt(100_000)),
                i -> slackSigned(
                        "slack non-numeric timestamp",
                        unknownEvent(i),
                        "application/json",
                        RunningBot.SIGNING_SECRET,
                        headerGarbage(1 + random.nextInt(20)),
                        Map.of()),
                i -> slack(
                        "slack garbage signature",
                        unknownEvent(i),
                        "application/json",
                        Map.of("X-Slack-Request-Timestamp", now(), "X-Slack-Signature", garbageSignature())),
                i -> slack(
                        "slack signature of another body",
                        unknownEvent(i),
                        "application/json",
                        Map.of(
                                "X-Slack-Request-Timestamp",
                                now(),
                                "X-Slack-Signature",
                                SlackRequests.sign(RunningBot.SIGNING_SECRET, now(), unknownEvent(i + 1_000_000)))),
                // Slack: signed, but malformed
                i -> {
                    String body = fuzz(slackEnvelope(i));
                    String contentType = randomContentType();
                    Case signed = slackSigned(
                            "slack signed fuzzed JSON", body, contentType, RunningBot.SIGNING_SECRET, now(), Map.of());
                    return new Case(
                            signed.name(), signed.request(), "application/json".equals(contentType) && isJson(body));
                },
                i -> slackSigned(
                        "slack signed truncated mention",
                        truncate(slackMention(i).toString()),
                        "application/json",
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slackSigned(
                        "slack signed broken mention",
                        brokenMention(i),
                        "application/json",
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slackSigned(
                        "slack signed deep nesting",
                        deepNesting(),
                        "application/json",
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slackSigned(
                        "slack signed unicode garbage",
                        garbage(1 + random.nextInt(2_000)),
                        randomContentType(),
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slackSigned(
                        "slack signed garbage form",
                        formGarbage(),
                        "application/x-www-form-urlencoded",
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slackSignedAuthentic("slack signed unknown event type", unknownEvent(i)),
                i -> slackSigned(
                        "slack signed mention as text/plain",
                        slackMention(i).toString(),
                        "text/plain",
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slackSigned(
                        "slack signed mention as a form",
                        slackMention(i).toString(),
                        "application/x-www-form-urlencoded",
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slackSigned(
                        "slack signed body just under the limit",
                        padded(MAX_BODY - 4_096),
                        "application/json",
                        RunningBot.SIGNING_SECRET,
                        now(),
                        Map.of()),
                i -> slack(
                        "slack body over the limit",
                        padded(MAX_BODY + 1 + random.nextInt(MAX_BODY)),
                        "application/json",
                        Map.of("X-Slack-Request-Timestamp", now(), "X-Slack-Signature", garbageSignature())),
                // Teams: authentication
                i -> teams("teams no token", teamsMention(i).toString(), "application/json", null),
                i -> teams(
                        "teams garbage token",
                        teamsMention(i).toString(),
                        "application/json",
                        "Bearer " + headerGarbage(1 + random.nextInt(300))),
                i -> teams(
                        "teams not a bearer token",
                        teamsMention(i).toString(),
                        "application/json",
                        random.nextBoolean() ? "Basic YWxhZGRpbjpvcGVuc2VzYW1l" : "Bearer"),
                i -> teams(
                        "teams forged token", teamsMention(i).toString(), "application/json", "Bearer " + forgedToken),
                i -> teams(
                        "teams expired token",
                        teamsMention(i).toString(),
                        "application/json",
                        "Bearer "
                                + bot.connector.token(t -> t.withIssuedAt(
                                                Instant.now().minusSeconds(7_200))
                                        .withNotBefore(Instant.now().minusSeconds(7_200))
                                        .withExpiresAt(Instant.now().minusSeconds(600 + random.nextInt(10_000))))),
                i -> teams(
                        "teams token for another app",
                        teamsMention(i).toString(),
                        "application/json",
                        "Bearer " + bot.connector.token(t -> t.withAudience("someone-else"))),
                i -> teams(
                        "teams token from another issuer",
                        teamsMention(i).toString(),
                        "application/json",
                        "Bearer " + bot.connector.token(t -> t.withIssuer("https://evil.example"))),
                i -> teams(
                        "teams token for another service URL",
                        teamsMention(i).toString(),
                        "application/json",
                        "Bearer " + bot.connector.token(t -> t.withClaim("serviceurl", "https://evil.example"))),
                i -> teams(
                        "teams unsigned alg-none token",
                        teamsMention(i).toString(),
                        "application/json",
                        "Bearer " + algNoneToken()),
                // Teams: authentic token, malformed or irrelevant body
                i -> {
                    String body = fuzz(teamsIgnorable(i));
                    Case authentic = teamsAuthentic("teams fuzzed JSON", body, randomContentType());
                    return new Case(authentic.name(), authentic.request(), isJson(body));
                },
                i -> teamsAuthentic(
                        "teams truncated mention", truncate(teamsMention(i).toString()), "application/json"),
                i -> teamsAuthentic("teams broken mention", brokenTeamsMention(i), "application/json"),
                i -> teamsAuthentic("teams deep nesting", deepNesting(), "application/json"),
                i -> teamsAuthentic("teams unicode garbage", garbage(1 + random.nextInt(2_000)), randomContentType()),
                i -> teamsAuthentic("teams body just under the limit", padded(MAX_BODY - 4_096), "application/json"),
                i -> teams(
                        "teams body over the limit",
                        padded(MAX_BODY + 1 + random.nextInt(MAX_BODY)),
                        "application/json",
                        "Bearer " + bot.connector.token(t -> {})),
                i -> new Case(
                        "teams authentic ignorable activity",
                        teamsRequest(
                                teamsIgnorable(i).toString(),
                                "application/json",
                                "Bearer " + bot.connector.token(t -> {})),
                        true),
                // Wrong methods, other paths
                i -> new Case(
                        "wrong method",
                        HttpRequest.newBuilder(bot.uri(pick(List.of(SlackHttpRoutesPaths.EVENTS, "/api/messages"))))
                                .method(
                                        pick(List.of("GET", "PUT", "DELETE", "PATCH")),
                                        random.nextBoolean()
                                                ? HttpRequest.BodyPublishers.ofString(unknownEvent(i))
                                                : HttpRequest.BodyPublishers.noBody())
                                .build(),
                        false),
                i -> new Case(
                        "wrong method on a probe",
                        HttpRequest.newBuilder(bot.uri(pick(List.of("/health", "/ready"))))
                                .method(
                                        pick(List.of("POST", "PUT", "DELETE", "PATCH")),
                                        random.nextBoolean()
                                                ? HttpRequest.BodyPublishers.ofString(unknownEvent(i))
                                                : HttpRequest.BodyPublishers.noBody())
                                .build(),
                        false),
                i -> new Case(
                        "wrong path",
                        HttpRequest.newBuilder(bot.uri(pick(List.of(
                                        "/",
                                        "/slack",
                                        "/slack/events/x",
                                        "/api",
                                        "/api/messages/x",
                                        "/slack/install",
                                        "/slack/oauth_redirect",
                                        "/admin",
                                        "/%2e%2e/%2e%2e/etc/passwd",
                                        "/health/x",
                                        "/.env"))))
                                .POST(HttpRequest.BodyPublishers.ofString(unknownEvent(i)))
                                .build(),
                        false));
    }

    // --- Slack

    private Case slack(String name, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(bot.uri(SlackHttpRoutesPaths.EVENTS))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return new Case(name, request.build(), false);
    }

    private Case slackSigned(
            String name,
            String body,
            String contentType,
            String secret,
            String timestamp,
            Map<String, String> headers) {
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("X-Slack-Request-Timestamp", timestamp);
        signed.put("X-Slack-Signature", SlackRequests.sign(secret, timestamp, body));
        return slack(name, body, contentType, signed);
    }

    /** Signed with the real secret, but at a time {@code offsetSeconds} away from now: outside the 5-minute window. */
    private Case slackSignedOff(String name, int i, long offsetSeconds) {
        String timestamp =
                String.valueOf(Instant.now().plusSeconds(offsetSeconds).getEpochSecond());
        return slackSigned(name, unknownEvent(i), "application/json", RunningBot.SIGNING_SECRET, timestamp, Map.of());
    }

    /** Signed with the real secret, well formed, and of no interest to the bot: Slack expects a 200. */
    private Case slackSignedAuthentic(String name, String body) {
        Case signed = slackSigned(name, body, "application/json", RunningBot.SIGNING_SECRET, now(), Map.of());
        return new Case(signed.name(), signed.request(), true);
    }

    /** An authentic envelope of an event type the bot subscribes to nothing for. */
    private String unknownEvent(int i) {
        return SlackRequests.envelope("EvHOSTILE" + i, """
                {"type":"hostile_unknown_%d","user":"U1","channel":"CHOSTILE","event_ts":"1700000000.%06d"}""".formatted(random.nextInt(1_000), i));
    }

    private ObjectNode slackEnvelope(int i) {
        return (ObjectNode) parse(unknownEvent(i));
    }

    private ObjectNode slackMention(int i) {
        return (ObjectNode) parse(SlackRequests.envelope("EvHOSTILE" + i, """
                {"type":"app_mention","user":"U1","text":"<@UBOT> hostile %d","ts":"1700000000.%06d",\
                "channel":"CHOSTILE","event_ts":"1700000000.%06d"}""".formatted(i, i, i)));
    }

    /** A mention with a field every handler needs replaced by something that is not what it must be. */
    private String brokenMention(int i) {
        ObjectNode envelope = slackMention(i);
        ObjectNode event = (ObjectNode) envelope.get("event");
        switch (random.nextInt(7)) {
            case 0 -> envelope.putNull("event");
            case 1 -> envelope.set("event", wrongType());
            case 2 -> envelope.putNull("type");
            case 3 -> event.set(pick(List.of("channel", "ts", "text", "user")), nonScalar());
            case 4 -> envelope.set("type", wrongType());
            case 5 -> event.set("type", nonScalar());
            default -> envelope.set("authorizations", nonScalar());
        }
        return envelope.toString();
    }

    private String formGarbage() {
        return pick(List.of(
                "payload=",
                "payload=%7B",
                "payload=" + garbage(50),
                "command=&text=",
                "=&=&&",
                "payload=%ZZ%",
                "ssl_check=1&payload=null",
                "payload=%5B%5D",
                "payload=" + "%5B".repeat(5_000)));
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private String garbageSignature() {
        return pick(List.of("", "v0=", "v1=" + "a".repeat(64), "v0=" + "0".repeat(64), headerGarbage(70)));
    }

    // --- Teams

    private Case teams(String name, String body, String contentType, String authorization) {
        return new Case(name, teamsRequest(body, contentType, authorization), false);
    }

    private Case teamsAuthentic(String name, String body, String contentType) {
        return teams(name, body, contentType, "Bearer " + bot.connector.token(t -> {}));
    }

    private HttpRequest teamsRequest(String body, String contentType, String authorization) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(bot.uri("/api/messages")).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private ObjectNode teamsMention(int i) {
        return bot.activities.channelMention("hostile-" + i, "Architect Bot", "hostile " + i);
    }

    /** An activity the bot has nothing to do about: typing, or a type no one defined. */
    private ObjectNode teamsIgnorable(int i) {
        ObjectNode activity = teamsMention(i);
        activity.put("type", random.nextBoolean() ? "typing" : "hostileUnknown" + random.nextInt(100));
        return activity;
    }

    /** A mention with a field the bot relies on missing or of the wrong type. */
    private String brokenTeamsMention(int i) {
        ObjectNode activity = teamsMention(i);
        String field = pick(List.of("type", "channelId", "serviceUrl", "conversation", "recipient", "id", "from"));
        switch (random.nextInt(3)) {
            case 0 -> activity.remove(field);
            case 1 -> activity.putNull(field);
            default ->
                activity.set(
                        field,
                        field.equals("conversation") || field.equals("recipient") || field.equals("from")
                                ? JsonNodeFactory.instance.textNode("not an object")
                                : nonScalar());
        }
        if (field.equals("serviceUrl") && random.nextBoolean()) {
            activity.put("serviceUrl", pick(List.of("javascript:alert(1)", "file:///etc/passwd", "http://", "::")));
        }
        return activity.toString();
    }

    private static String algNoneToken() {
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString("{\"iss\":\"https://api.botframework.com\",\"aud\":\"app-id\"}"
                        .getBytes(StandardCharsets.UTF_8))
                + ".";
    }

    // --- malformed bodies

    /** The JSON with some of its values swapped for wrong types, nulls or garbage, or cut short. */
    private String fuzz(ObjectNode json) {
        if (random.nextInt(4) == 0) {
            return truncate(json.toString());
        }
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            ObjectNode target = randomObject(json);
            List<String> fields = new ArrayList<>();
            target.fieldNames().forEachRemaining(fields::add);
            if (fields.isEmpty()) {
                continue;
            }
            String field = pick(fields);
            switch (random.nextInt(4)) {
                case 0 -> target.putNull(field);
                case 1 -> target.set(field, wrongType());
                case 2 -> target.put(field, garbage(1 + random.nextInt(200)));
                default -> target.remove(field);
            }
        }
        return json.toString();
    }

    private ObjectNode randomObject(ObjectNode root) {
        ObjectNode current = root;
        while (random.nextBoolean()) {
            List<JsonNode> children = new ArrayList<>();
            current.elements().forEachRemaining(child -> {
                if (child.isObject()) {
                    children.add(child);
                }
            });
            if (children.isEmpty()) {
                break;
            }
            current = (ObjectNode) pick(children);
        }
        return current;
    }

    private JsonNode wrongType() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(6)) {
            case 0 -> nodes.numberNode(random.nextLong());
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.textNode(garbage(1 + random.nextInt(50)));
            case 3 -> deepArray(1 + random.nextInt(200));
            case 4 -> nodes.numberNode(random.nextDouble() * 1e300);
            default -> nodes.objectNode().put("x", random.nextInt());
        };
    }

    private JsonNode nonScalar() {
        return random.nextBoolean()
                ? deepArray(1 + random.nextInt(50))
                : JsonNodeFactory.instance.objectNode().put("a", 1);
    }

    private static ArrayNode deepArray(int depth) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        ArrayNode current = root;
        for (int d = 1; d < depth; d++) {
            current = current.addArray();
        }
        return root;
    }

    private String truncate(String json) {
        return json.substring(0, random.nextInt(json.length()));
    }

    /** Far deeper than any parser should recurse: arrays, objects, or both, closed or not. */
    private String deepNesting() {
        int depth = 2_000 + random.nextInt(100_000);
        String open = pick(List.of("[", "{\"a\":", "[{\"a\":"));
        String close = switch (open) {
            case "[" -> "]";
            case "{\"a\":" -> "}";
            default -> "}]";
        };
        String body = open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
        return random.nextBoolean() ? body : "{\"type\":\"event_callback\",\"event\":" + body + "}";
    }

    /** Random code points from every plane: controls, surrogate halves, non-characters, RTL marks. */
    private String garbage(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int c = 0; c < length; c++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate half
                case 2 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                case 3 ->
                    text.append(pick(List.of("\u202E", "\uFEFF", "\uFFFF", "\"", "\\", "{", "}", "[", "]", "\u0000")));
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.toString();
    }

    /** What an HTTP client lets through in a header value: visible ASCII and Latin-1. */
    private String headerGarbage(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int c = 0; c < length; c++) {
            text.append(
                    random.nextBoolean() ? (char) (0x21 + random.nextInt(0x5E)) : (char) (0xA0 + random.nextInt(0x60)));
        }
        return text.toString();
    }

    /** A JSON-looking body of about {@code size} bytes. */
    private static String padded(int size) {
        String head = "{\"type\":\"event_callback\",\"pad\":\"";
        return head + "x".repeat(Math.max(0, size - head.length() - 2)) + "\"}";
    }

    private String randomContentType() {
        return pick(java.util.Arrays.asList(
                "application/json",
                "application/json; charset=utf-16",
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/xml",
                "",
                null));
    }

    // --- plumbing

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJson(String body) {
        try {
            return JSON.readTree(body) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static Set<String> enqueuedMarks() {
        try (UnifiedJedis redis = TestRedis.client()) {
            return new HashSet<>(redis.keys("*:enqueued"));
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 120 ? String.valueOf(body) : body.substring(0, 120) + "…";
    }

    /** The Slack path, spelled once here (the constant is the adapter's, package-private in another package). */
    private static final class SlackHttpRoutesPaths {
        static final String EVENTS = "/slack/events";
    }
}
