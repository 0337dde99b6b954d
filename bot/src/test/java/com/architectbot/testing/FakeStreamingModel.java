package com.architectbot.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Anthropic, Gemini or Ollama endpoint on 127.0.0.1 that streams one scripted text in that provider's wire
 * format, token by token at a {@link TokenPace}, to the provider's real LangChain4j client: Anthropic's server-sent
 * {@code message_start}, {@code content_block_delta}s, {@code message_delta} and {@code message_stop}; Gemini's
 * {@code :streamGenerateContent?alt=sse} chunks; Ollama's JSON lines. Every request's path and body is recorded.
 * (OpenAI-compatible streaming, the bot's default, is {@link FakeOpenAi}'s.)
 */
public final class FakeStreamingModel implements AutoCloseable {

    /** The wire formats this fake speaks. */
    public enum Wire {
        ANTHROPIC,
        GEMINI,
        OLLAMA
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Wire wire;
    private final String content;
    private final TokenPace pace;
    private final HttpServer http;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsEnded = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeStreamingModel(Wire wire, String content, TokenPace pace) throws IOException {
        this.wire = requireNonNull(wire, "wire");
        this.content = requireNonNull(content, "content");
        this.pace = requireNonNull(pace, "pace");
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", this::serve);
        http.start();
    }

    /** A fake that streams {@code content} as the reply to every request. */
    public static FakeStreamingModel start(Wire wire, String content, TokenPace pace) {
        try {
            return new FakeStreamingModel(wire, content, pace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}; the provider's base path is the caller's to add. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Each request's path with its query, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** How many replies have sent their last token. */
    public int streamsEnded() {
        return streamsEnded.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            paths.add(exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            StreamedReply reply = switch (wire) {
                case ANTHROPIC -> anthropic();
                case GEMINI -> gemini();
                case OLLAMA -> ollama();
            };
            if (reply.send(exchange, StreamedReply.WHOLE, () -> pace.pause(closed))) {
                streamsEnded.incrementAndGet();
            }
        }
    }

    private StreamedReply anthropic() {
        StreamedReply reply = new StreamedReply("text/event-stream");
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message")
                .put("id", "msg_1")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", "claude-test");
        message.putArray("content");
        message.putObject("usage").put("input_tokens", 7).put("output_tokens", 1);
        reply.frame(sse("message_start", start));
        ObjectNode blockStart =
                JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        reply.frame(sse("content_block_start", blockStart));
        for (String token : TokenPace.tokens(content)) {
            ObjectNode delta =
                    JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", token);
            reply.token(sse("content_block_delta", delta));
        }
        reply.frame(sse(
                "content_block_stop",
                JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)));
        ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
        end.putObject("delta").put("stop_reason", "end_turn");
        end.putObject("usage").put("output_tokens", 11);
        reply.frame(sse("message_delta", end));
        return reply.frame(sse("message_stop", JSON.createObjectNode().put("type", "message_stop")));
    }

    private StreamedReply gemini() {
        StreamedReply reply = new StreamedReply("text/event-stream");
        for (String token : TokenPace.tokens(content)) {
            reply.token(sse(null, geminiChunk(token)));
        }
        ObjectNode last = geminiChunk("");
        ((ObjectNode) last.withArray("candidates").get(0)).put("finishReason", "STOP");
        last.putObject("usageMetadata")
                .put("promptTokenCount", 7)
                .put("candidatesTokenCount", 11)
                .put("totalTokenCount", 18);
        return reply.frame(sse(null, last));
    }

    private static ObjectNode geminiChunk(String text) {
        ObjectNode chunk = JSON.createObjectNode();
        ObjectNode candidate = chunk.putArray("candidates").addObject().put("index", 0);
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", text);
        return chunk;
    }

    private StreamedReply ollama() {
        StreamedReply reply = new StreamedReply("application/x-ndjson");
        for (String token : TokenPace.tokens(content)) {
            reply.token(ollamaLine(token).put("done", false) + "\n");
        }
        ObjectNode last = ollamaLine("")
                .put("done", true)
                .put("done_reason", "stop")
                .put("prompt_eval_count", 7)
                .put("eval_count", 11);
        return reply.frame(last + "\n");
    }

    private static ObjectNode ollamaLine(String text) {
        ObjectNode line = JSON.createObjectNode().put("model", "llama-test").put("created_at", "2025-01-01T00:00:00Z");
        line.putObject("message").put("role", "assistant").put("content", text);
        return line;
    }

    private static String sse(String event, ObjectNode data) {
        return (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
    }

    @Override
    public void close() {
        closed.countDown();
        http.stop(0);
    }
}
