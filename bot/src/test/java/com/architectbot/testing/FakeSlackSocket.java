package com.architectbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

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
        waitFor("the ack of envelope " + envelopeId)
                .untilAsserted(() -> assertThat(acks).containsKey(envelopeId));
        return acks.get(envelopeId);
    }

    /** Waits for a client connection; returns the newest one. */
    public WsContext awaitConnected() {
        waitFor("a Socket Mode connection").until(() -> !open.isEmpty());
        return open.getLast();
    }

    /** Waits until every connection this server had is closed, and at least one was. */
    public void awaitAllClosed() {
        waitFor("every Socket Mode connection to close").until(() -> open.isEmpty() && !closed.isEmpty());
    }

    public int openConnections() {
        return open.size();
    }

    private static ConditionFactory waitFor(String what) {
        return Awaitility.await(what).atMost(FakeSlackApi.WAIT).pollInterval(FakeSlackApi.POLL);
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
