package com.architectbot.bench;

import com.architectbot.ops.ArchitectBot;
import com.architectbot.ops.BotConfig;
import com.architectbot.ops.Serving;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TeamsActivities;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The bot as {@code architect-bot serve} runs it ({@link ArchitectBot} opened from environment variables, serving
 * on a free loopback port, one worker), with Slack and Teams faked at the wire, and the requests a user's message
 * arrives as: a signed Slack event, a Teams activity with a token the Bot Connector signed.
 */
final class ServedSurfaces implements AutoCloseable {

    static final String BOT_NAME = "Architect Bot";
    private static final String SIGNING_SECRET = "bench-signing-secret";

    private final FakeSlackApi slack = FakeSlackApi.start();
    private final FakeBotConnector connector = FakeBotConnector.start();
    private final TeamsActivities activities = new TeamsActivities(connector.baseUrl());
    private final ArchitectBot bot;
    private final Serving serving;
    private final HttpClient http = HttpClient.newHttpClient();

    ServedSurfaces(FakeOpenAi model) {
        BotEnvironment env = BotEnvironment.served(model)
                .with("WORKER_CONCURRENCY", "1")
                .with("LLM_TIMEOUT_SECONDS", "60")
                .slack(slack, "xoxb-bench", SIGNING_SECRET)
                .teams(connector);
        bot = ArchitectBot.open(BotConfig.from(env.environment()));
        serving = bot.serve();
    }

    FakeSlackApi slack() {
        return slack;
    }

    FakeBotConnector connector() {
        return connector;
    }

    TeamsActivities activities() {
        return activities;
    }

    /** A user mentions the bot in a reply in the thread {@code threadTs} of {@code channel}. */
    void slackMention(String eventId, String channel, String ts, String threadTs, String question) {
        String event = """
                {"type":"app_mention","user":"U1","text":"<@%s> %s","ts":"%s","thread_ts":"%s","channel":"%s","event_ts":"%s"}""".formatted(FakeSlackApi.BOT_USER, question, ts, threadTs, channel, ts);
        send(SlackRequests.signed(
                uri("/slack/events"), SIGNING_SECRET, SlackRequests.envelope(eventId, event), "application/json"));
    }

    /** Teams delivers this activity to the bot. */
    void teamsActivity(ObjectNode activity) {
        send(HttpRequest.newBuilder(uri("/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + connector.token(token -> {}))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
                .build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serving.port() + path);
    }

    private void send(HttpRequest request) {
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("request to the bot failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        serving.close();
        bot.close();
        slack.close();
        connector.close();
    }
}
