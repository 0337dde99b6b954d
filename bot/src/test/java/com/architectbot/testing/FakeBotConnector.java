package com.architectbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The Microsoft side of Teams on loopback: the Bot Connector REST endpoints the SDK calls
 * ({@code POST /v3/conversations/{id}/activities[/{replyToId}]}), an OAuth2 token endpoint
 * ({@code POST /token}), OpenID metadata with a JWKS of a test RSA key ({@code /openid}, {@code /keys}),
 * file downloads ({@code GET /v3/attachments/{name}}, where the Bot Connector keeps pasted pictures) and OneDrive upload sessions ({@code PUT /uploads/{name}}). It records what the bot sent and signs the tokens
 * that Teams would send the bot.
 */
public final class FakeBotConnector implements AutoCloseable {

    public static final String KEY_ID = "test-signing-key";
    public static final String BOT_TOKEN = "bot-access-token-from-fake";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);

    /**
     * A request the bot made, when it arrived. {@code path} is decoded; {@code rawPath} is as it was sent. For a
     * {@code PUT} (an update), {@code replyToId} is the id of the activity it replaces.
     */
    public record Call(
            String method,
            String path,
            String conversationId,
            String replyToId,
            JsonNode body,
            String authorization,
            String rawPath,
            Instant at) {

        /** The {@code streaminfo} entity of a streamed activity; a missing node when there is none. */
        public JsonNode streamInfo() {
            for (JsonNode entity : body.path("entities")) {
                if ("streaminfo".equals(entity.path("type").asText())) {
                    return entity;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** A status to answer to the calls that match, a number of times, with a {@code Retry-After} if not null. */
    private record Refusal(Predicate<Call> which, int status, AtomicInteger times, String retryAfter) {}

    /** A file the bot uploaded, with the headers an upload session checks. */
    public record Upload(String path, String contentRange, String contentLength, String body) {}

    private final HttpServer server;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final KeyPair signingKey = rsaKey();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> fileAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> fileRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Call, String> givenIds = new ConcurrentHashMap<>();
    private final java.util.Map<Integer, Integer> statusOfCall = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int activityStatus = 200;
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    /** As Teams does, a stream's final message keeps the stream's id; anything else gets a new one. */
    private volatile Function<Call, String> activityIds =
            call -> call.streamInfo().path("streamId").asText(null);

    private FakeBotConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v3/conversations/", this::activities);
        server.createContext("/token", this::token);
        server.createContext(
                "/openid",
                exchange -> send(
                        exchange,
                        200,
                        JSON.createObjectNode()
                                .put("issuer", "https://api.botframework.com")
                                .put("jwks_uri", baseUrl() + "/keys")));
        server.createContext("/keys", exchange -> send(exchange, 200, jwks()));
        server.createContext("/v3/attachments/", this::file);
        server.createContext("/uploads/", this::upload);
        server.start();
    }

    public static FakeBotConnector start() {
        try {
            return new FakeBotConnector();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The activity's {@code serviceUrl}: where the bot posts its replies. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The activity id the connector gave the activity this call sent, as Teams does. */
    public String idOf(Call call) {
        return givenIds.get(call);
    }

    /** The activities of this type the bot posted (updates are not among them: see {@link #updates()}). */
    public List<Call> activitiesOfType(String type) {
        return calls.stream()
                .filter(c -> "POST".equals(c.method()))
                .filter(c -> type.equals(c.body().path("type").asText()))
                .toList();
    }

    /** The activities the bot replaced ({@code PUT /v3/conversations/{id}/activities/{activityId}}), in order. */
    public List<Call> updates() {
        return calls.stream().filter(c -> "PUT".equals(c.method())).toList();
    }

    /** The next {@code times} calls that match are answered with this status (429: slow down; 403: refused). */
    public void answer(Predicate<Call> which, int status, int times) {
        refusals.add(new Refusal(which, status, new AtomicInteger(times), null));
    }

    /** The next {@code times} calls that match are answered 429, asking for this many seconds of quiet. */
    public void answerTooManyRequests(Predicate<Call> which, int times, int retryAfterSeconds) {
        refusals.add(new Refusal(which, 429, new AtomicInteger(times), String.valueOf(retryAfterSeconds)));
    }

    /** From now on, the id Bot Connector gives a posted activity is this one; null keeps {@code reply-n}. */
    public void answerIdsWith(Function<Call, String> ids) {
        this.activityIds = ids;
    }

    /** The form bodies the bot sent to the token endpoint. */
    public List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** From now on, posting an activity answers this status (429, 500: Teams in trouble; 403: bot removed). */
    public void answerActivitiesWith(int status) {
        this.activityStatus = status;
    }

    /** Only the {@code callNumber}-th message activity sent (from 1; typing indicators do not count) gets this status. */
    public void answerActivityWith(int callNumber, int status) {
        statusOfCall.put(callNumber, status);
    }

    /** The files the bot uploaded, in order. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** An upload session URL, as Teams hands it out when the user accepts a file. */
    public String uploadUrl(String name) {
        return baseUrl() + "/uploads/" + name;
    }

    /**
     * The first {@code count} activities of this type, once the bot has sent them (replies sent after an
     * acknowledgement arrive a little later); fails after a generous wait instead of hanging.
     */
    public List<Call> awaitActivitiesOfType(String type, int count) {
        Awaitility.await(count + " " + type + " activities")
                .atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(() -> assertThat(activitiesOfType(type)).hasSizeGreaterThanOrEqualTo(count));
        return activitiesOfType(type).subList(0, count);
    }

    public String serveFile(String name, String content) {
        return serveFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves these bytes (a picture) at {@code /v3/attachments/<name>}; returns the URL. */
    public String serveFile(String name, byte[] content) {
        files.put(name, content.clone());
        return baseUrl() + "/v3/attachments/" + name;
    }

    /** The {@code Authorization} header of every file download, in order ("" when none was sent). */
    public List<String> fileAuthorizations() {
        return List.copyOf(fileAuthorizations);
    }

    /** A token as the Bot Connector would sign it, for this connector's service URL unless customised. */
    public String token(Consumer<JWTCreator.Builder> customise) {
        return token(signingKey, customise);
    }

    /** A token signed by a key the JWKS does not hold, under the same key id. */
    public String forgedToken(Consumer<JWTCreator.Builder> customise) {
        return token(rsaKey(), customise);
    }

    private String token(KeyPair key, Consumer<JWTCreator.Builder> customise) {
        JWTCreator.Builder builder = JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer("https://api.botframework.com")
                .withAudience("app-id")
                .withClaim("serviceurl", baseUrl())
                .withIssuedAt(Instant.now().minusSeconds(60))
                .withNotBefore(Instant.now().minusSeconds(60))
                .withExpiresAt(Instant.now().plusSeconds(3600));
        customise.accept(builder);
        return builder.sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    private void activities(HttpExchange exchange) throws IOException {
        String[] parts = java.util.Arrays.stream(exchange.getRequestURI()
                        .getRawPath()
                        .substring("/v3/conversations/".length())
                        .split("/"))
                .map(segment -> java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toArray(String[]::new); // each segment decoded on its own, as a server routes them
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Call call = new Call(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                parts[0],
                parts.length > 2 ? parts[2] : null,
                body,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestURI().getRawPath(),
                Instant.now());
        calls.add(call);
        Optional<Refusal> refusal = refusals.stream()
                .filter(r -> r.which().test(call) && r.times().getAndDecrement() > 0)
                .findFirst();
        refusal.map(Refusal::retryAfter)
                .ifPresent(seconds -> exchange.getResponseHeaders().set("Retry-After", seconds));
        int status = refusal.map(Refusal::status)
                .orElseGet(() -> "POST".equals(call.method())
                                && "message".equals(body.path("type").asText())
                        ? statusOfCall.getOrDefault(activitiesOfType("message").size(), activityStatus)
                        : activityStatus);
        if (status != 200) {
            send(
                    exchange,
                    status,
                    JSON.createObjectNode()
                            .set(
                                    "error",
                                    JSON.createObjectNode()
                                            .put("code", "Failed")
                                            .put("message", "fake failure")));
            return;
        }
        int number = ids.incrementAndGet();
        String id = "PUT".equals(call.method())
                ? call.replyToId()
                : Objects.requireNonNullElse(activityIds.apply(call), "reply-" + number);
        givenIds.put(call, id);
        send(exchange, 200, JSON.createObjectNode().put("id", id));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        send(
                exchange,
                200,
                JSON.createObjectNode()
                        .put("token_type", "Bearer")
                        .put("expires_in", 3600)
                        .put("access_token", BOT_TOKEN));
    }

    /** The paths of every file download the bot attempted here, served or not. */
    public List<String> fileRequests() {
        return List.copyOf(fileRequests);
    }

    private void file(HttpExchange exchange) throws IOException {
        fileRequests.add(exchange.getRequestURI().getPath());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        fileAuthorizations.add(authorization == null ? "" : authorization);
        byte[] content = files.get(exchange.getRequestURI().getPath().substring("/v3/attachments/".length()));
        byte[] bytes = content == null ? new byte[0] : content;
        exchange.sendResponseHeaders(content == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void upload(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"PUT".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        uploads.add(new Upload(
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Range"),
                exchange.getRequestHeaders().getFirst("Content-Length"),
                body));
        send(exchange, 201, JSON.createObjectNode().put("id", "drive-item-1").put("name", "export.json"));
    }

    private ObjectNode jwks() {
        RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
        ObjectNode jwk = JSON.createObjectNode()
                .put("kty", "RSA")
                .put("use", "sig")
                .put("alg", "RS256")
                .put("kid", KEY_ID)
                .put("n", base64Url(key.getModulus()))
                .put("e", base64Url(key.getPublicExponent()));
        jwk.putArray("endorsements").add("msteams").add("emulator");
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").add(jwk);
        return jwks;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0; // unsigned, as JWK wants it
        byte[] unsigned = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
