package com.architectbot.testing;

import static java.util.Objects.requireNonNull;

import com.architectbot.consultation.AnswerJson;
import com.architectbot.consultation.llm.ModelSettings;
import com.architectbot.consultation.llm.Provider;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake model: an OpenAI chat-completions endpoint on 127.0.0.1 for the real LangChain4j client.
 *
 * <p>Every {@code POST …/chat/completions} body is recorded as parsed JSON ({@link #requests()}). Replies
 * come from a queue of scripted {@link Response}s ({@link #enqueue}); when the queue is empty the fake
 * answers with a valid consultation answer ({@link #DEFAULT_ANSWER}, or the one set by
 * {@link #answering}). It replies at once unless told otherwise: a {@link Response#after delay} on one
 * response (to provoke a client timeout) or a {@link #withLatency latency} on every response (benchmarks).
 *
 * <p>A request with {@code "stream": true} (the bot always streams) gets the same reply as server-sent events: the
 * content cut into tokens ({@link TokenPace}) sent at {@link #streamingAt a fixed rate}, tool calls as
 * {@code delta.tool_calls}, the usage in a last chunk when {@code stream_options.include_usage} asks for it, then
 * {@code [DONE]}.
 *
 * <pre>{@code
 * try (var model = FakeOpenAi.start()) {
 *     model.enqueue(Response.error(500), Response.answer(answer));
 *     var architect = LangChainArchitect.create(model.settings(), List.of(), new SimpleMeterRegistry());
 *     ... architect.consult(List.of(), "question", TenantPreferences.DEFAULTS).answer() ...
 *     assertThat(model.requests()).hasSize(2);
 * }
 * }</pre>
 */
public final class FakeOpenAi implements AutoCloseable {

    /** The answer given when nothing else is scripted. */
    public static final ConsultationAnswer DEFAULT_ANSWER = new ConsultationAnswer(
            "Ship it behind a feature flag. Add a health check before launch.",
            List.of(),
            List.of(new AreaAnalysis(Area.PRODUCTION_READINESS, List.of("No readiness probe."))),
            List.of(new Recommendation("Add a readiness probe.", Priority.BEFORE_LAUNCH)),
            List.of("How many tenants do you expect in the first year?"));
    /** The key {@link #settings()} configures; never a real one. */
    public static final String API_KEY = "sk-fake-test-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Queue<Response> script = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private volatile boolean recording = true;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Response fallback = Response.answer(DEFAULT_ANSWER);
    private volatile Duration latency = Duration.ZERO;
    private volatile TokenPace pace = TokenPace.FAST;
    private final AtomicInteger streamsEnded = new AtomicInteger();
    private final AtomicInteger streamsCutShort = new AtomicInteger();
    private volatile long lastStreamStarted;
    private volatile Instant lastStreamStartedAt = Instant.EPOCH;

    /**
     * One scripted reply: an HTTP status, a body, how long to wait before sending it and, when streamed, after how
     * many content tokens the connection breaks ({@link #WHOLE}: none).
     */
    public record Response(int status, String body, Duration delay, int cutAfterTokens) {
        /** Streams the whole reply. */
        public static final int WHOLE = StreamedReply.WHOLE;

        public Response {
            requireNonNull(body, "body");
            requireNonNull(delay, "delay");
        }

        public Response(int status, String body, Duration delay) {
            this(status, body, delay, WHOLE);
        }

        /** A completion whose content is the answer's JSON. */
        public static Response answer(ConsultationAnswer answer) {
            return content(AnswerJson.toJson(answer));
        }

        /** A completion whose assistant content is exactly {@code content} (valid JSON or not). */
        public static Response content(String content) {
            return new Response(200, completionBody(content), Duration.ZERO);
        }

        /** A completion that asks to call one tool with the given JSON arguments. */
        public static Response toolCall(String id, String name, String argumentsJson) {
            return new Response(200, toolCallBody(id, name, argumentsJson), Duration.ZERO);
        }

        /** An error with an OpenAI-shaped error body: 401, 429, 500... */
        public static Response error(int status) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("message", "fake error " + status).put("type", "fake_error");
            return new Response(status, body.toString(), Duration.ZERO);
        }

        /** The same response, sent only after {@code delay}. */
        public Response after(Duration delay) {
            return new Response(status, body, delay, cutAfterTokens);
        }

        /** The same response, but a stream of it breaks off (the connection drops) after {@code tokens} tokens. */
        public Response cutAfter(int tokens) {
            return new Response(status, body, delay, tokens);
        }
    }

    private FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts a fake on a free loopback port. */
    public static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL for the OpenAI client ({@code OPENAI_BASE_URL}), e.g. {@code http://127.0.0.1:5123/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** OpenAI settings aimed at this fake: 10 s timeout, no client retries, 1024 output tokens. */
    public ModelSettings settings() {
        return settings(Duration.ofSeconds(10), 0);
    }

    /** OpenAI settings aimed at this fake with the given timeout and client retries. */
    public ModelSettings settings(Duration timeout, int maxRetries) {
        return new ModelSettings(Provider.OPENAI, "fake-model", API_KEY, baseUrl(), timeout, 1024, maxRetries);
    }

    /** Queues replies, used in order before the default answer. */
    public FakeOpenAi enqueue(Response... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Replaces the default answer given when the queue is empty. */
    public FakeOpenAi answering(ConsultationAnswer answer) {
        this.fallback = Response.answer(answer);
        return this;
    }

    /** Waits this long before every reply, as a remote model would; zero (the default) replies at once. */
    public FakeOpenAi withLatency(Duration latency) {
        this.latency = requireNonNull(latency, "latency");
        return this;
    }

    /** Sends tokens as fast as the socket takes them again: the default. */
    public FakeOpenAi streamingFast() {
        this.pace = TokenPace.FAST;
        return this;
    }

    /** Streams every reply at {@code tokensPerSecond}; the default sends tokens as fast as the socket takes them. */
    public FakeOpenAi streamingAt(int tokensPerSecond) {
        this.pace = TokenPace.of(tokensPerSecond);
        return this;
    }

    /** How many streamed replies have sent their last token so far. */
    public int streamsEnded() {
        return streamsEnded.get();
    }

    /** When ({@link System#nanoTime()}) the latest streamed reply sent its first token; 0 before any. */
    public long lastStreamStarted() {
        return lastStreamStarted;
    }

    /** The same instant on the wall clock, to set beside the fakes' arrival times; {@code EPOCH} before any. */
    public Instant lastStreamStartedAt() {
        return lastStreamStartedAt;
    }

    /** How many streamed replies stopped early: scripted to break off, or the client went away (cancelled). */
    public int streamsCutShort() {
        return streamsCutShort.get();
    }

    /**
     * Stops keeping request bodies (benchmarks: thousands of parsed requests would weigh on the heap being
     * measured); {@link #received()} still counts them.
     */
    public FakeOpenAi notRecording() {
        this.recording = false;
        return this;
    }

    /** How many chat-completion requests arrived, recorded or not. */
    public int received() {
        return received.get();
    }

    /** The request bodies received so far, in order. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The last request body; fails when there was none. */
    public JsonNode lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the fake model received no request");
        }
        return requests.getLast();
    }

    /** A chat-completion response body whose assistant message has {@code content}. */
    public static String completionBody(String content) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        return completion(message, "stop").toString();
    }

    /** A chat-completion response body asking for one tool call. */
    public static String toolCallBody(String id, String name, String argumentsJson) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        ObjectNode call =
                message.putArray("tool_calls").addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", argumentsJson);
        return completion(message, "tool_calls").toString();
    }

    private static ObjectNode completion(ObjectNode message, String finishReason) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", "chat.completion")
                .put("created", 1_700_000_000L)
                .put("model", "fake-model");
        ArrayNode choices = body.putArray("choices");
        choices.addObject().put("index", 0).put("finish_reason", finishReason).set("message", message);
        body.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 10)
                .put("total_tokens", 20);
        return body;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                send(exchange, Response.error(404));
                return;
            }
            received.incrementAndGet();
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (recording) {
                requests.add(request);
            }
            Response response = script.poll();
            response = response == null ? fallback : response;
            if (!pause(latency.plus(response.delay()))) {
                return;
            }
            if (request.path("stream").asBoolean() && response.status() == 200) {
                boolean usage = request.at("/stream_options/include_usage").asBoolean();
                lastStreamStarted = System.nanoTime(); // headers, the role chunk and the first token go out now
                lastStreamStartedAt = Instant.now();
                boolean whole = OpenAiChunks.of(JSON.readTree(response.body()), usage)
                        .send(exchange, response.cutAfterTokens(), this::pauseToken);
                (whole ? streamsEnded : streamsCutShort).incrementAndGet();
            } else {
                send(exchange, response);
            }
        }
    }

    private boolean pauseToken() {
        return pace.pause(closed);
    }

    private boolean pause(Duration delay) {
        try {
            return delay.isZero() || !closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
