package com.architectbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Slack's Socket Mode server on loopback: a WebSocket at {@code ws://127.0.0.1:<port>/link} that greets each
 * connection with {@code hello}, sends the envelopes a test asks for, and records the acks the client
 * sends back ({@code {"envelope_id": ...}}, with a {@code payload} when the handler answered with one).
 * Point {@link FakeSlackApi#socketModeUrl} at {@link #url()} so {@code apps.connections.open} hands it out.
 */
public final class FakeSlackSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin server;
    private final List<WsContext> open = new CopyOnWriteArrayList<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> acks = new ConcurrentHashMap<>();

    private FakeSlackSocket() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.ws("/link", ws -> {
                ws.onConnect(ctx -> {
                    open.add(ctx);
                    ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                            + "\"connection_info\":{\"app_id\":\"A1\"}}");
                });
                ws.onMessage(ctx -> {
                    JsonNode message = JSON.readTree(ctx.message());
                    if (message.hasNonNull("envelope_id")) {
                        acks.put(message.get("envelope_id").asText(), message);
                    }
                });
                ws.onClose(ctx -> {
                    open.removeIf(c -> c.sessionId().equals(ctx.sessionId()));
                    closed.add(ctx.sessionId());
                });
            });
        });
        server.start("127.0.0.1", 0);
    }

    public static FakeSlackSocket start() {
        return new FakeSlackSocket();
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/link");
    }

    /** Sends an Events API envelope around an {@code event_callback} body (see {@link SlackRequests#envelope}). */
    public void sendEvent(String envelopeId, String eventCallback) {
        send(envelopeId, "events_api", readTree(eventCallback), false);
    }

    /** Sends a slash command envelope; its payload holds the form fields Slack would have posted. */
    public void sendSlashCommand(String envelopeId, Map<String, String> fields) {
        send(envelopeId, "slash_commands", JSON.valueToTree(fields), true);
    }

    private void send(String envelopeId, String type, JsonNode payload, boolean acceptsResponsePayload) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("envelope_id", envelopeId)
                .put("type", type)
                .put("accepts_response_payload", acceptsResponsePayload);
        envelope.set("payload", payload);
        awaitConnected().send(envelope.toString());
    }

    /** The ack for the envelope, if the client has sent it. */
    public Optional<JsonNode> ack(String envelopeId) {
        return Optional.ofNullable(acks.get(envelopeId));
    }

    /** Waits (up to {@link FakeSlackApi#WAIT}) for the client's ack of the envelope. */
    public JsonNode awaitAck(String envelopeId) {
        await(() -> acks.containsKey(envelopeId), "the ack of envelope " + envelopeId + "; acks so far: " + acks.keySet());
        return acks.get(envelopeId);
    }

    /** Waits for a client connection; returns the newest one. */
    public WsContext awaitConnected() {
        await(() -> !open.isEmpty(), "a Socket Mode connection");
        return open.getLast();
    }

    /** Waits until every connection this server had is closed, and at least one was. */
    public void awaitAllClosed() {
        await(() -> open.isEmpty() && !closed.isEmpty(), "every Socket Mode connection to close");
    }

    public int openConnections() {
        return open.size();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + FakeSlackApi.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + FakeSlackApi.WAIT + " for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
