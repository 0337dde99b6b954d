package com.architectbot.teams;

import com.architectbot.config.Environment;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.RetryableFailure;
import com.architectbot.licence.manifest.ManifestResolver;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Job;
import com.architectbot.server.BotServer;
import com.architectbot.server.ServerSettings;
import com.architectbot.teams.redis.RedisPendingExports;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.TeamsActivities;
import com.architectbot.testing.TestCipher;
import com.architectbot.testing.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real Teams channel behind the real HTTP server on port 0, the fake Bot Connector on loopback,
 * and a queue that records jobs. Activities are built as Teams sends them.
 */
final class TeamsFixture implements AutoCloseable {

    static final String BOT_ID = TeamsActivities.BOT_ID;
    static final String TENANT = TeamsActivities.TENANT;
    static final String CHANNEL = TeamsActivities.CHANNEL;
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeBotConnector connector = FakeBotConnector.start();
    final RecordingQueue queue = new RecordingQueue();
    /** Real Redis; each export waits under its own random id, so tests do not share data. */
    final PendingExports exports =
            new RedisPendingExports(TestRedis.client(), Duration.ofHours(1), TestCipher.cipher(), Clock.systemUTC());

    private final TeamsActivities activities = new TeamsActivities(connector.baseUrl());
    final TeamsChannel channel;
    private final BotServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The app that may call with tokens of the bot's own tenant ({@code TEAMS_ALLOWED_CALLERS}). */
    static final String ALLOWED_CALLER = "bot-framework-caller";
    /** The fakes are on this machine: plain http to 127.0.0.1, and only there, unless a test says otherwise. */
    static final String LOCAL_FAKES = "http://127.0.0.1";

    private TeamsFixture(Map<String, String> env) {
        Map<String, String> variables = new HashMap<>(env);
        variables.putIfAbsent("TEAMS_CONNECTOR_HOSTS", LOCAL_FAKES);
        variables.putIfAbsent("TEAMS_FILE_HOSTS", LOCAL_FAKES);
        if (variables.containsKey("MICROSOFT_APP_ID")) {
            variables.put("TEAMS_OPENID_METADATA_URL", connector.baseUrl() + "/openid");
            variables.put("TEAMS_TENANT_OPENID_METADATA_URL", connector.baseUrl() + "/openid");
            variables.put("TEAMS_TOKEN_ENDPOINT", connector.baseUrl() + "/token");
        }
        channel = new TeamsChannel(
                TeamsSettings.from(new Environment(variables)),
                queue,
                new InquiryRules(ManifestResolver.names()),
                exports,
                AnswerActivities.NONE,
                AnswerFeedback.NONE);
        server = BotServer.start(
                new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1), ServerSettings.DEFAULT_BODY_DEADLINE),
                () -> true,
                List.of(channel),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Authentication off: the Emulator and Agents Playground setup. */
    static TeamsFixture unauthenticated() {
        return new TeamsFixture(Map.of());
    }

    /** Authentication off, with {@code TEAMS_ADMIN_IDS} set. */
    static TeamsFixture withAdmins(String adminIds) {
        return new TeamsFixture(Map.of("TEAMS_ADMIN_IDS", adminIds));
    }

    static TeamsFixture authenticated() {
        return authenticated(Map.of());
    }

    /** Authentication on, with some variables added or replaced. */
    static TeamsFixture authenticated(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MICROSOFT_APP_ID",
                "app-id",
                "MICROSOFT_APP_PASSWORD",
                "secret",
                "MICROSOFT_APP_TENANT_ID",
                TENANT,
                "TEAMS_ALLOWED_CALLERS",
                ALLOWED_CALLER));
        env.putAll(overrides);
        return new TeamsFixture(env);
    }

    /** Authentication off, with some variables set. */
    static TeamsFixture unauthenticated(Map<String, String> env) {
        return new TeamsFixture(env);
    }

    /** Activities whose {@code serviceUrl} is another host than the fake connector's. */
    TeamsActivities activitiesFrom(String serviceUrl) {
        return new TeamsActivities(serviceUrl);
    }

    HttpResponse<String> post(Object activity) {
        return post(
                activity instanceof String s ? s : JSON.valueToTree(activity).toString(), null);
    }

    HttpResponse<String> post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + TeamsChannel.MESSAGING_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new message in a team channel that mentions the bot: Teams puts the root id in the conversation id. */
    ObjectNode channelMention(String activityId, String botName, String text) {
        return activities.channelMention(activityId, botName, text);
    }

    ObjectNode cardClick(String activityId, String conversationId, String conversationType, JsonNode value) {
        return activities.cardClick(activityId, conversationId, conversationType, value);
    }

    ObjectNode personalMessage(String activityId, String text) {
        return activities.personalMessage(activityId, "a:personal-chat-1", text);
    }

    /** The user's click on a file consent card, as Teams sends it: an invoke in the personal chat. */
    ObjectNode fileConsent(String action, String exportId, String uploadName) {
        return activities.fileConsent("a:personal-chat-1", action, exportId, connector.uploadUrl(uploadName));
    }

    ObjectNode botAdded(String conversationId, String conversationType) {
        return activities.botAdded(conversationId, conversationType);
    }

    @Override
    public void close() {
        channel.close();
        server.close();
        connector.close();
    }

    /** Our own queue port, recording what the request thread enqueued. */
    static final class RecordingQueue implements InquiryQueue {
        final List<Job> jobs = new CopyOnWriteArrayList<>();
        volatile boolean away;

        @Override
        public boolean enqueue(Job job) {
            if (away) {
                throw new RetryableFailure("queue unreachable (test)");
            }
            jobs.add(job);
            return true;
        }

        Job onlyJob() {
            if (jobs.size() != 1) {
                throw new AssertionError("expected one job, got " + jobs.size());
            }
            return jobs.get(0);
        }
    }
}
