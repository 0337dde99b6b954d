package com.architectbot.slack;

import com.architectbot.server.HttpRoutes;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack over HTTP on the bot's own server: {@code POST /slack/events} (events, slash commands), and
 * with OAuth {@code GET /slack/install} and {@code GET /slack/oauth_redirect}. Bolt 1.51.0 has no adapter
 * for Javalin 7 (its Jetty and servlet adapters target older containers), so this one does what they do:
 * it hands Bolt's {@link SlackRequestParser} the exact raw body, the headers and the query, runs the app,
 * and writes Bolt's response back. The signature is checked over that raw body before anything parses
 * it (Bolt's {@code RequestVerification} middleware checks it again), so an unsigned payload costs one
 * HMAC and gets 401; a signed payload that is not valid JSON or form data, or is not what its
 * {@code Content-Type} says (Bolt sniffs the body and would run a JSON event sent as text/plain), gets 400,
 * never 500.
 */
final class SlackHttpRoutes implements HttpRoutes {

    static final String EVENTS = "/slack/events";
    static final String INSTALL = "/slack/install";
    static final String OAUTH_REDIRECT = "/slack/oauth_redirect";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpRoutes.class);
    /** Slack's replay window, both ways: a timestamp from the future is no fresher than a stale one. */
    private static final long MAX_CLOCK_SKEW_SECONDS = 5 * 60;

    private final App app;
    private final SlackRequestParser parser;
    private final Optional<SlackSignature.Generator> signatures;
    private final boolean oauth;

    SlackHttpRoutes(App app, Optional<String> signingSecret, boolean oauth) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signatures = signingSecret.map(SlackSignature.Generator::new);
        this.oauth = oauth;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        addEvents(routes);
        addOAuth(routes);
    }

    void addEvents(RoutesConfig routes) {
        routes.post(EVENTS, this::events);
    }

    void addOAuth(RoutesConfig routes) {
        if (oauth) {
            routes.get(INSTALL, this::run);
            routes.get(OAUTH_REDIRECT, this::run);
        }
    }

    private void events(Context ctx) throws Exception {
        if (!signed(ctx, ctx.body())) {
            ctx.status(401).json(Map.of("error", "invalid request signature"));
            return;
        }
        if (!bodyMatchesContentType(ctx.contentType(), ctx.body())) {
            ctx.status(400).json(Map.of("error", "body does not match its Content-Type"));
            return;
        }
        run(ctx);
    }

    /** v0 HMAC-SHA256 over {@code v0:<timestamp>:<raw body>}, at most five minutes old, compared in constant time. */
    private boolean signed(Context ctx, String body) {
        String timestamp = ctx.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = ctx.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (signatures.isEmpty() || timestamp == null || signature == null || !fresh(timestamp)) {
            return false;
        }
        String expected = signatures.get().generate(timestamp, body);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fresh(String timestamp) {
        try {
            return Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp.strip()))
                    <= MAX_CLOCK_SKEW_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Slack sends events as JSON, and slash commands, interactions and SSL checks as a form. */
    private static boolean bodyMatchesContentType(String contentType, String body) {
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean jsonBody = body.stripLeading().startsWith("{");
        return switch (mediaType) {
            case "application/json" -> jsonBody;
            case "application/x-www-form-urlencoded" -> !jsonBody;
            default -> false;
        };
    }

    private void run(Context ctx) throws Exception {
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .requestBody(ctx.body())
                    .headers(new RequestHeaders(headers(ctx)))
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException e) { // Gson and Bolt's payload constructors reject malformed input this way
            LOG.info(
                    "rejected a malformed Slack request to {}: {}",
                    ctx.path(),
                    e.getClass().getSimpleName());
            ctx.status(400).json(Map.of("error", "malformed Slack request"));
            return;
        }
        if (request == null) {
            ctx.status(400).json(Map.of("error", "not a Slack request this app handles"));
            return;
        }
        Response response;
        try {
            response = app.run(request);
        } catch (JsonParseException e) { // Bolt reads the event's fields only now: a field of the wrong type
            LOG.info(
                    "rejected a malformed Slack event to {}: {}",
                    ctx.path(),
                    e.getClass().getSimpleName());
            ctx.status(400).json(Map.of("error", "malformed Slack request"));
            return;
        }
        write(response, ctx);
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }

    private static void write(Response response, Context ctx) {
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        if (response.getBody() != null) {
            ctx.result(response.getBody());
        }
    }
}
