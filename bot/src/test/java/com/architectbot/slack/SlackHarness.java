package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Job;
import com.architectbot.server.BotServer;
import com.architectbot.server.ServerSettings;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TestRedis;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import redis.clients.jedis.UnifiedJedis;

/**
 * The real Slack channel on a real {@link BotServer} (port 0), its Web API calls going to a
 * {@link FakeSlackApi}, its jobs recorded by an in-test {@link InquiryQueue}, its state in the test Redis.
 * Requests are signed as Slack signs them.
 */
final class SlackHarness implements AutoCloseable {

    static final String SECRET = "test-signing-secret";

    /** Our own port, implemented in the test: it records jobs in order. */
    static final class RecordingQueue implements InquiryQueue {
        final List<Job> jobs = new CopyOnWriteArrayList<>();
        /** While set, enqueueing fails as it does when Redis is away. */
        volatile boolean away;

        @Override
        public boolean enqueue(Job job) {
            if (away) {
                throw new com.architectbot.core.RetryableFailure("the queue is away (test)");
            }
            jobs.add(job);
            return true;
        }
    }

    final FakeSlackApi slack = FakeSlackApi.start();
    final RecordingQueue queue = new RecordingQueue();
    final UnifiedJedis redis = TestRedis.client();
    final SlackChannel channel;
    final BotServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    SlackHarness(boolean oauth) {
        this(oauth, com.architectbot.tenancy.TenantEraser.NONE);
    }

    SlackHarness(boolean oauth, com.architectbot.tenancy.TenantEraser eraser) {
        var settings = new SlackSettings(
                oauth ? Optional.empty() : Optional.of("xoxb-test"),
                Optional.of(SECRET),
                Optional.empty(),
                slack.apiUrl(),
                oauth ? Optional.of("111.222") : Optional.empty(),
                oauth ? Optional.of("client-secret") : Optional.empty(),
                Optional.empty(),
                4,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofDays(1));
        channel = TestSlackChannel.started(settings, queue, redis, eraser);
        server = BotServer.start(
                new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1), ServerSettings.DEFAULT_BODY_DEADLINE),
                () -> true,
                List.of(channel),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    SlackHarness() {
        this(false);
    }

    static String uniqueChannel(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** An Events API envelope around the event JSON, for team T1. */
    static String envelope(String eventId, String event) {
        return SlackRequests.envelope(eventId, event);
    }

    /** An envelope as Slack sends app_uninstalled and tokens_revoked: no authorizations, the team at the top. */
    static String envelopeWithoutAuthorizations(String team, String eventId, String event) {
        return """
                {"token":"legacy","team_id":"%s","api_app_id":"A1","type":"event_callback","event_id":"%s",\
                "event_time":1700000000,"event":%s}""".formatted(team, eventId, event);
    }

    HttpResponse<String> event(String eventId, String event, String... headers) {
        return postSigned(envelope(eventId, event), "application/json", headers);
    }

    HttpResponse<String> command(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "token",
                "legacy",
                "team_id",
                "T1",
                "team_domain",
                "acme",
                "user_name",
                "ada",
                "api_app_id",
                "A1",
                "response_url",
                slack.responseUrl(),
                "trigger_id",
                "trig-" + UUID.randomUUID()));
        form.putAll(fields);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postSigned(body, "application/x-www-form-urlencoded");
    }

    HttpResponse<String> postSigned(String body, String contentType, String... headers) {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return post(body, contentType, ts, sign(SECRET, ts, body), headers);
    }

    HttpResponse<String> post(String body, String contentType, String timestamp, String signature, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base() + "/slack/events"))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    static String sign(String secret, String timestamp, String body) {
        return SlackRequests.sign(secret, timestamp, body);
    }

    /** Waits (up to {@link FakeSlackApi#WAIT}) for the n-th job, for work that is queued after the ack. */
    Job awaitJob(int count) {
        Awaitility.await("job " + count)
                .atMost(FakeSlackApi.WAIT)
                .pollInterval(FakeSlackApi.POLL)
                .untilAsserted(() -> assertThat(queue.jobs)
                        .as(() -> "Slack calls: " + slack.methods())
                        .hasSizeGreaterThanOrEqualTo(count));
        return queue.jobs.get(count - 1);
    }

    @Override
    public void close() {
        server.close();
        channel.close();
        redis.close();
        slack.close();
    }
}
