package com.architectbot.slack;

import com.architectbot.bench.OpenLoop;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.TestQueueSettings;
import com.architectbot.queue.redis.RedisDeadLetters;
import com.architectbot.queue.redis.RedisStreamQueue;
import com.architectbot.server.BotServer;
import com.architectbot.server.ServerSettings;
import com.architectbot.tenancy.TenantEraser;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TestRedis;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ack latency of {@code POST /slack/events} (issue 6, item 7), measured outside the test run: an open-loop
 * load of signed {@code app_mention} events at a fixed rate against the real route on a real BotServer, with
 * the Web API on a loopback fake and the real Redis stream queue behind it (each event is enqueued before
 * the ack; no workers drain it, so only the request path is measured). Each rate runs a warm-up, then
 * several timed runs.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench -pl bot -am test -DskipTests -Dbench=slack.AckLatencyBenchmark
 * -Dbench.args="100,500 20 3"}; arguments {@code [rates per second=100,500] [seconds per run=20] [runs=3]
 * [warm-up seconds=5]}.
 */
public final class AckLatencyBenchmark {

    private static final String SECRET = "secret";

    public static void main(String[] args) throws Exception {
        OpenLoop.Plan plan = OpenLoop.Plan.parse(args, "100,500");
        var slack = FakeSlackApi.start();
        var redis = TestRedis.client();
        QueueSettings queueSettings =
                TestQueueSettings.defaults("ackbench" + System.nanoTime()).build();
        var queue = new RedisStreamQueue(
                redis, queueSettings, new RedisDeadLetters(redis, queueSettings, Clock.systemUTC()), Clock.systemUTC());
        var settings = new SlackSettings(
                Optional.of("xoxb-load"),
                Optional.of(SECRET),
                Optional.empty(),
                slack.apiUrl(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                16,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofDays(1));
        var channel = TestSlackChannel.started(settings, queue, redis, TenantEraser.NONE);
        var server = BotServer.start(
                new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1), ServerSettings.DEFAULT_BODY_DEADLINE),
                () -> true,
                List.of(channel),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
        try (OpenLoop load = new OpenLoop()) {
            // One event first, answered before the load starts: Bolt caches auth.test only once one call has
            // returned, so every event that arrives before that calls auth.test itself (a start-up herd).
            var primed = load.http().send(event(uri, "prime"), HttpResponse.BodyHandlers.discarding());
            System.out.println("priming event: HTTP " + primed.statusCode());
            load.measure(plan, id -> event(uri, id));
        }
        server.close();
        channel.close();
        slack.close();
        System.exit(0);
    }

    /** A signed mention; Slack allows 5 minutes of clock skew, so it may be built ahead of its send. */
    private static HttpRequest event(URI uri, String id) {
        String body = """
            {"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev%s","event_time":1700000000,\
            "authorizations":[{"enterprise_id":null,"team_id":"T1","user_id":"UBOT","is_bot":true}],\
            "event":{"type":"app_mention","user":"U1","text":"<@UBOT> how do we scale exports %s?","ts":"1700000000.%s","channel":"CLOAD"}}""".formatted(id, id, id.replaceAll("\\D", ""));
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", SlackRequests.sign(SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
