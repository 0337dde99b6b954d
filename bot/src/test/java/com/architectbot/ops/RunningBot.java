package com.architectbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeRegistry;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TeamsActivities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * The real bot, as {@code architect-bot serve} runs it: {@link ArchitectBot} opened from environment
 * variables, serving on port 0, with real Redis, and every remote on loopback: the model
 * ({@link FakeOpenAi}), the Slack Web API ({@link FakeSlackApi}), the Bot Connector with its token and
 * OpenID endpoints ({@link FakeBotConnector}, authentication on) and Maven Central ({@link FakeRegistry}).
 * One worker, so jobs are answered in the order they were queued: a test proves "nothing more arrives"
 * by waiting for the answer to a later inquiry, never by sleeping.
 */
final class RunningBot implements AutoCloseable {

    static final String SIGNING_SECRET = "e2e-signing-secret";
    static final String BOT_TOKEN = "xoxb-e2e";
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(20);

    final FakeOpenAi model = FakeOpenAi.start();
    final FakeSlackApi slack = FakeSlackApi.start();
    final FakeBotConnector connector = FakeBotConnector.start();
    final FakeRegistry maven = FakeRegistry.serving("maven");
    final TeamsActivities activities = new TeamsActivities(connector.baseUrl());
    private final ArchitectBot bot;
    private final Serving serving;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RunningBot() {
        this(Map.of());
    }

    /** The bot with some environment variables replaced or added ({@code REDIS_URL} of a dedicated Redis). */
    RunningBot(Map<String, String> overrides) {
        bot = ArchitectBot.open(BotConfig.from(environment().with(overrides).environment()));
        serving = bot.serve();
    }

    private BotEnvironment environment() {
        BotEnvironment env = BotEnvironment.served(model)
                .with("SHUTDOWN_GRACE_SECONDS", "2")
                .with("WORKER_CONCURRENCY", "1")
                .with("JOB_MAX_ATTEMPTS", "1")
                .with("LLM_MAX_RETRIES", "0");
        env.slack(slack, BOT_TOKEN, SIGNING_SECRET).teams(connector);
        return env.with(Map.of("MAVEN_REPOSITORY_URL", maven.baseUri().toString(), "REGISTRY_RETRIES", "0"));
    }

    static String unique(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    // --- Slack

    /** Posts the event to {@code POST /slack/events} as Slack does; {@code headers} are extra name, value pairs. */
    HttpResponse<String> slackEvent(String eventId, String event, String... headers) {
        return send(SlackRequests.signed(
                uri("/slack/events"),
                SIGNING_SECRET,
                SlackRequests.envelope(eventId, event),
                "application/json",
                headers));
    }

    /** Posts an interaction payload (a button click) to {@code POST /slack/events} as Slack does: a signed form. */
    HttpResponse<String> slackInteraction(String payload) {
        return send(SlackRequests.signed(
                uri("/slack/events"),
                SIGNING_SECRET,
                SlackRequests.interactionForm(payload),
                "application/x-www-form-urlencoded"));
    }

    /** What the management server's {@code /metrics} shows now. */
    String metrics() {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.managementPort() + "/metrics"))
                        .build())
                .body();
    }

    /** An {@code app_mention} event: a question to the bot in a channel, in a thread when {@code threadTs} is set. */
    static String mention(String channel, String ts, String threadTs, String question) {
        return mention("U1", channel, ts, threadTs, question);
    }

    /** The same, from this user. */
    static String mention(String user, String channel, String ts, String threadTs, String question) {
        return """
                {"type":"app_mention","user":"%s","text":"<@%s> %s","ts":"%s",%s"channel":"%s","event_ts":"%s"}""".formatted(
                        user,
                        FakeSlackApi.BOT_USER,
                        question,
                        ts,
                        threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",",
                        channel,
                        ts);
    }

    HttpResponse<String> slashCommand(String command, String text, String channel) {
        return slashCommand(command, text, channel, "U1");
    }

    /** The same, from this user. */
    HttpResponse<String> slashCommand(String command, String text, String channel, String user) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "token",
                "legacy",
                "team_id",
                FakeSlackApi.TEAM,
                "team_domain",
                "acme",
                "channel_id",
                channel,
                "user_id",
                user,
                "user_name",
                "ada",
                "command",
                command,
                "text",
                text,
                "response_url",
                slack.responseUrl(),
                "trigger_id",
                unique("trig-")));
        form.put("api_app_id", "A1");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                SlackRequests.signed(uri("/slack/events"), SIGNING_SECRET, body, "application/x-www-form-urlencoded"));
    }

    /**
     * The messages the bot left in one thread (any thread of the channel, roots included, when {@code threadTs} is
     * null) once there are {@code count} of them, each as it reads when finished: a posted message as posted, a
     * streamed one as the {@code chat.update} that wrote the whole reply over it (a stream still being written is
     * not there yet). In the order they were finished.
     */
    List<FakeSlackApi.Call> awaitSlackPosts(String channel, String threadTs, int count) {
        return await("messages in " + channel + "/" + threadTs, () -> finishedMessages(channel, threadTs), count);
    }

    private List<FakeSlackApi.Call> finishedMessages(String channel, String threadTs) {
        Set<String> streamed = slack.streams().stream()
                .filter(ts -> inThread(slack.message(ts), channel, threadTs))
                .collect(Collectors.toSet());
        Map<String, FakeSlackApi.Call> finals = new LinkedHashMap<>();
        List<FakeSlackApi.Call> finished = new ArrayList<>();
        for (FakeSlackApi.Call call : slack.calls()) {
            if (call.method().equals("chat.postMessage") && inThread(call.params(), channel, threadTs)) {
                finished.add(call);
            } else if (call.method().equals("chat.update") && streamed.contains(call.param("ts"))) {
                finals.remove(call.param("ts")); // the last update is the final one
                finals.put(call.param("ts"), call);
            }
        }
        finished.addAll(finals.values());
        return finished;
    }

    private static boolean inThread(Map<String, ?> message, String channel, String threadTs) {
        return channel.equals(message.get("channel"))
                && (threadTs == null || threadTs.equals(message.get("thread_ts")));
    }

    // --- Teams

    /** Posts the activity to {@code POST /api/messages} with a token the Bot Connector signed. */
    HttpResponse<String> teamsActivity(ObjectNode activity) {
        return send(HttpRequest.newBuilder(uri("/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + connector.token(token -> {}))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
                .build());
    }

    /**
     * The messages the bot left in one conversation, once there are {@code count} of them, each as it reads when
     * finished: every reply is a card, so a message counts once its latest version (posted, or written over it by an
     * update: a streamed or live answer) carries one. In the order they were posted.
     */
    List<JsonNode> awaitTeamsMessages(String conversationId, int count) {
        return await("Teams messages in " + conversationId, () -> finishedTeamsMessages(conversationId), count);
    }

    private List<JsonNode> finishedTeamsMessages(String conversationId) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (FakeBotConnector.Call call : connector.calls()) {
            if (!conversationId.equals(call.conversationId())) {
                continue;
            }
            if ("PUT".equals(call.method())) {
                latest.put(call.replyToId(), call.body());
            } else if ("message".equals(call.body().path("type").asText())) {
                String streamId = call.streamInfo().path("streamId").asText();
                String id = streamId.isEmpty() ? connector.idOf(call) : streamId; // a stream's final is its message
                order.add(id);
                latest.putIfAbsent(id, call.body());
                if (!streamId.isEmpty()) {
                    latest.put(id, call.body());
                }
            }
        }
        return order.stream()
                .map(latest::get)
                .filter(body -> !body.path("attachments").isEmpty())
                .toList();
    }

    // --- plumbing

    private <T> List<T> await(String what, Supplier<List<T>> found, int count) {
        Awaitility.await(count + " " + what)
                .atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(() -> assertThat(found.get())
                        .as(() -> "Slack calls: " + slack.methods() + "; Teams calls: "
                                + connector.calls().size())
                        .hasSizeGreaterThanOrEqualTo(count));
        return found.get();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serving.port() + path);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to the bot failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        serving.close();
        bot.close();
        model.close();
        slack.close();
        connector.close();
        maven.close();
    }
}
