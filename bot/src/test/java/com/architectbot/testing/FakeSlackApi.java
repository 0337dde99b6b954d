package com.architectbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * The Slack Web API on loopback: {@code POST /api/<method>} with a form or JSON body answers {@code ok:true}
 * with a plausible payload, and every call is recorded with its parameters and token. It also serves
 * private file downloads ({@code /files/<id>}), file uploads ({@code /upload/<id>}) and slash-command
 * response URLs ({@code /hooks/<n>}, recorded as method {@code response_url}), and {@code apps.connections.open}
 * points Socket Mode at a {@link FakeSlackSocket}. A method can be scripted
 * to answer 429 with {@code Retry-After}, or {@code ok:false} with an error. The messages it accepted from
 * {@code chat.postMessage} are served back, with their metadata, by {@code conversations.replies} (a thread)
 * and {@code conversations.history} (a channel's top-level messages, newest first), as Slack does. A streamed
 * message ({@code chat.startStream}, {@code chat.appendStream}, {@code chat.stopStream}) is kept like a posted one,
 * its {@code text} the Markdown streamed so far, and {@code chat.update} rewrites a kept message's text, blocks and
 * metadata; {@link #message} shows a kept message as it reads now.
 */
public final class FakeSlackApi implements AutoCloseable {

    public static final String TEAM = "T1";
    public static final String BOT_USER = "UBOT";
    public static final String BOT_ID = "BBOT";
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** How often a wait looks again. */
    public static final Duration POLL = Duration.ofMillis(10);

    /**
     * One recorded request. {@code params} holds the form fields, or the JSON body's top-level fields as JSON text;
     * {@code at} is when it arrived, for assertions on pacing.
     */
    public record Call(String method, Map<String, String> params, String token, String body, Instant at) {
        public String param(String name) {
            return params.get(name);
        }
    }

    /** A kept message's blocks as the JSON text they were sent as (not {@code blocks}: the SDK reads those). */
    public static final String SENT_BLOCKS = "sent_blocks";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> rateLimits = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, String>> errorsOnCall = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> posted = new CopyOnWriteArrayList<>();
    private final Map<String, SharedFile> files = new ConcurrentHashMap<>();
    private final Map<String, String> fileUrls = new ConcurrentHashMap<>();
    private final Map<String, String> userTeams = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final java.util.Set<String> admins = ConcurrentHashMap.newKeySet();
    private volatile URI socketModeUrl;

    private FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    public static FakeSlackApi start() {
        try {
            return new FakeSlackApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Web API base, as {@code SLACK_API_URL} takes it. */
    public URI apiUrl() {
        return URI.create(base() + "api/");
    }

    /** The real Bolt client, aimed at the fake. */
    public MethodsClient client(String token) {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl().toString());
        return Slack.getInstance(config).methods(token);
    }

    /** A fresh slash-command {@code response_url} on the fake. */
    public String responseUrl() {
        return base() + "hooks/" + sequence.incrementAndGet();
    }

    /** The next {@code times} calls of the method get HTTP 429 with {@code Retry-After: seconds}. */
    public void rateLimit(String method, int seconds, int times) {
        List<Integer> queue = rateLimits.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>());
        for (int i = 0; i < times; i++) {
            queue.add(seconds);
        }
    }

    /** How many of the 429s scripted by {@link #rateLimit} for the method are still to be served. */
    public int rateLimitsLeft(String method) {
        return rateLimits.getOrDefault(method, List.of()).size();
    }

    /** Every call of the method answers {@code ok:false} with this error, as Slack reports API errors. */
    public void fail(String method, String error) {
        errors.put(method, error);
    }

    /** Only the {@code callNumber}-th call (from 1) of the method answers {@code ok:false} with this error. */
    public void failCall(String method, int callNumber, String error) {
        errorsOnCall.computeIfAbsent(method, m -> new ConcurrentHashMap<>()).put(callNumber, error);
    }

    /** Makes a file known to {@code files.info} and downloadable from its private URL; returns its id. */
    public String shareFile(String name, String content) {
        return shareFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The same, for a file of any bytes (a picture). */
    public String shareFile(String name, byte[] content) {
        String id = "F" + sequence.incrementAndGet();
        files.put(id, new SharedFile(name, content.clone()));
        return id;
    }

    private record SharedFile(String name, byte[] content) {}

    /** {@code users.info} says these users are workspace admins; everyone else is a member. */
    public void admins(String... users) {
        admins.addAll(List.of(users));
    }

    /** {@code users.info} says this user belongs to another workspace ({@code team_id}); others are in {@link #TEAM}. */
    public void userOfTeam(String user, String team) {
        userTeams.put(user, team);
    }

    /** Makes a file known to {@code files.info} with this private URL (where the bot would download it); returns its id. */
    public String shareFileAt(String name, String url) {
        String id = shareFile(name, "content");
        fileUrls.put(id, url);
        return id;
    }

    /** {@code apps.connections.open} hands out this WebSocket URL (a {@link FakeSlackSocket}); until set it answers an error. */
    public void socketModeUrl(URI url) {
        socketModeUrl = url;
    }

    /** Shows the last accepted message as posted by another app: its {@code bot_id} becomes {@code botId}. */
    public void lastMessagePostedBy(String botId) {
        posted.getLast().put("bot_id", botId);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public Call onlyCall(String method) {
        List<Call> matching = calls(method);
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " call, got " + matching.size() + ": " + methods());
        }
        return matching.getFirst();
    }

    /** Waits (up to {@link #WAIT}) until the method has been called {@code count} times; returns those calls. */
    public List<Call> await(String method, int count) {
        Awaitility.await(count + " " + method + " calls")
                .atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(() -> assertThat(calls(method))
                        .as(() -> "calls so far: " + methods())
                        .hasSizeGreaterThanOrEqualTo(count));
        return calls(method);
    }

    public List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.startsWith("/files/")) {
                download(exchange, path.substring("/files/".length()));
                return;
            }
            String method = path.startsWith("/api/")
                    ? path.substring("/api/".length())
                    : path.startsWith("/hooks/") ? "response_url" : path.substring(1);
            // an upload's body is the file itself, in whatever form (JSON, text with '%'): never read as parameters
            Map<String, String> params = path.startsWith("/upload/") ? Map.of() : parse(exchange, body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
            calls.add(new Call(method, params, token, body, Instant.now()));
            List<Integer> limits = rateLimits.getOrDefault(method, List.of());
            if (!limits.isEmpty()) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(limits.removeFirst()));
                respond(exchange, 429, Map.of("ok", false, "error", "ratelimited"));
                return;
            }
            String error = errors.getOrDefault(
                    method,
                    errorsOnCall
                            .getOrDefault(method, Map.of())
                            .get(calls(method).size()));
            respond(exchange, 200, error != null ? Map.of("ok", false, "error", error) : answer(method, params));
        }
    }

    private Map<String, Object> answer(String method, Map<String, String> params) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        String ts = "1700000100." + String.format("%06d", sequence.incrementAndGet());
        switch (method) {
            case "auth.test" ->
                answer.putAll(Map.of(
                        "url",
                        "https://acme.slack.com/",
                        "team",
                        "Acme",
                        "user",
                        "architect",
                        "team_id",
                        TEAM,
                        "user_id",
                        BOT_USER,
                        "bot_id",
                        BOT_ID));
            case "chat.postMessage" ->
                answer.putAll(Map.of(
                        "channel", params.getOrDefault("channel", "C1"), "ts", ts, "message", remember(ts, params)));
            case "conversations.replies" ->
                answer.put(
                        "messages",
                        posted.stream()
                                .filter(m -> m.get("channel").equals(params.get("channel")))
                                .filter(m -> params.get("ts").equals(m.get("ts"))
                                        || params.get("ts").equals(m.get("thread_ts")))
                                .map(m -> shown(m, params))
                                .toList());
            case "conversations.history" ->
                answer.put(
                        "messages",
                        posted.reversed().stream()
                                .filter(m ->
                                        m.get("channel").equals(params.get("channel")) && !m.containsKey("thread_ts"))
                                .map(m -> shown(m, params))
                                .toList());
            case "chat.startStream" -> {
                Map<String, String> start = new LinkedHashMap<>(params);
                start.put("text", params.getOrDefault("markdown_text", ""));
                start.put("streaming", "true");
                answer.putAll(Map.of("channel", params.getOrDefault("channel", "C1"), "ts", ts));
                remember(ts, start);
            }
            case "chat.appendStream", "chat.stopStream", "chat.update" -> edit(method, params, answer);
            case "chat.postEphemeral" -> answer.put("message_ts", ts);
            case "bots.info" -> {
                String bot = params.getOrDefault("bot", "B0");
                answer.put(
                        "bot",
                        Map.of(
                                "id",
                                bot,
                                "app_id",
                                "A0",
                                "name",
                                "a bot",
                                "user_id",
                                bot.equals(BOT_ID) ? BOT_USER : "U" + bot.substring(1)));
            }
            case "files.info" -> fileInfo(params.get("file"), answer);
            case "users.info" -> {
                String user = params.getOrDefault("user", "U0");
                boolean admin = admins.contains(user);
                answer.put(
                        "user",
                        Map.of(
                                "id",
                                user,
                                "name",
                                "user",
                                "is_admin",
                                admin,
                                "is_owner",
                                false,
                                "is_primary_owner",
                                false,
                                "team_id",
                                userTeams.getOrDefault(user, TEAM)));
            }
            case "conversations.open" -> answer.put("channel", Map.of("id", "D" + params.getOrDefault("users", "U0")));
            case "files.getUploadURLExternal" -> {
                String id = "F" + sequence.incrementAndGet();
                answer.putAll(Map.of("upload_url", base() + "upload/" + id, "file_id", id));
            }
            case "apps.connections.open" -> {
                if (socketModeUrl == null) {
                    answer.put("ok", false);
                    answer.put("error", "not_allowed_token_type");
                } else {
                    answer.put("url", socketModeUrl.toString());
                }
            }
            case "files.completeUploadExternal" -> answer.put("files", List.of(Map.of("id", "F0", "title", "report")));
            case "oauth.v2.access" ->
                answer.putAll(Map.of(
                        "access_token",
                        "xoxb-installed-token",
                        "token_type",
                        "bot",
                        "scope",
                        "chat:write,commands",
                        "bot_user_id",
                        BOT_USER,
                        "app_id",
                        "A1",
                        "team",
                        Map.of("id", "T9", "name", "Installed Team"),
                        "authed_user",
                        Map.of("id", "U9")));
            default -> {}
        }
        return answer;
    }

    /** The ts of every message {@code chat.startStream} started, in order. */
    public List<String> streams() {
        return posted.stream()
                .filter(m -> m.containsKey("streaming"))
                .map(m -> String.valueOf(m.get("ts")))
                .toList();
    }

    /** The kept message with this ts as it reads now (text, blocks, metadata, streaming), or an empty map. */
    public Map<String, Object> message(String ts) {
        return posted.stream()
                .filter(m -> ts.equals(m.get("ts")))
                .findFirst()
                .map(Map::copyOf)
                .orElse(Map.of());
    }

    /** Streams append to and stop a kept message, updates rewrite it; all answer an unknown ts as Slack does. */
    private void edit(String method, Map<String, String> params, Map<String, Object> answer) {
        Map<String, Object> message = posted.stream()
                .filter(m -> m.get("ts").equals(params.get("ts")))
                .findFirst()
                .orElse(null);
        if (message == null || (!method.equals("chat.update") && !"true".equals(message.get("streaming")))) {
            answer.put("ok", false);
            answer.put("error", message == null ? "message_not_found" : "message_not_in_streaming_state");
            return;
        }
        switch (method) {
            case "chat.appendStream" ->
                message.put("text", message.get("text") + params.getOrDefault("markdown_text", ""));
            case "chat.stopStream" -> message.put("streaming", "false");
            default -> {
                message.put("text", params.getOrDefault("text", params.getOrDefault("markdown_text", "")));
                if (params.get("blocks") != null) {
                    message.put(SENT_BLOCKS, params.get("blocks"));
                }
            }
        }
        if (params.get("metadata") != null) {
            message.put("metadata", parseJson(params.get("metadata")));
        }
        answer.putAll(Map.of("channel", params.getOrDefault("channel", "C1"), "ts", params.get("ts")));
    }

    private static Object parseJson(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps an accepted message as Slack would show it: with its metadata parsed, as an object. */
    private Map<String, Object> remember(String ts, Map<String, String> params) {
        Map<String, Object> message = new LinkedHashMap<>(Map.of(
                "type",
                "message",
                "ts",
                ts,
                "bot_id",
                BOT_ID,
                "channel",
                params.getOrDefault("channel", "C1"),
                "text",
                params.getOrDefault("text", params.getOrDefault("markdown_text", ""))));
        if (params.get("thread_ts") != null) {
            message.put("thread_ts", params.get("thread_ts"));
        }
        if (params.get("metadata") != null) {
            message.put("metadata", parseJson(params.get("metadata")));
        }
        if (params.get("streaming") != null) {
            message.put("streaming", params.get("streaming"));
        }
        if (params.get("blocks") != null) {
            message.put(SENT_BLOCKS, params.get("blocks"));
        }
        posted.add(message);
        return message;
    }

    /** Slack leaves metadata out unless {@code include_all_metadata} asks for it. */
    private static Map<String, Object> shown(Map<String, Object> message, Map<String, String> params) {
        Map<String, Object> copy = new LinkedHashMap<>(message);
        if (!"true".equals(params.get("include_all_metadata")) && !"1".equals(params.get("include_all_metadata"))) {
            copy.remove("metadata");
        }
        return copy;
    }

    private void fileInfo(String id, Map<String, Object> answer) {
        SharedFile file = id == null ? null : files.get(id);
        if (file == null) {
            answer.put("ok", false);
            answer.put("error", "file_not_found");
            return;
        }
        String url = fileUrls.getOrDefault(id, base() + "files/" + id);
        answer.put(
                "file",
                Map.of(
                        "id",
                        id,
                        "name",
                        file.name(),
                        "size",
                        file.content().length,
                        "url_private",
                        url,
                        "url_private_download",
                        url));
    }

    private void download(HttpExchange exchange, String id) throws IOException {
        SharedFile file = files.get(id);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(new Call("download", Map.of("file", id), auth != null ? auth.substring(7) : null, "", Instant.now()));
        if (file == null || auth == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] bytes = file.content();
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> parse(HttpExchange exchange, String body) throws IOException {
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> params = new LinkedHashMap<>();
        if (type.startsWith("application/json") && !body.isBlank()) {
            JSON.readTree(body)
                    .properties()
                    .forEach(e -> params.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
        } else if (!body.isBlank()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            new ArrayList<>(List.of(query.split("&"))).forEach(pair -> {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.putIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            });
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> payload) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(payload);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
