package com.architectbot.slack;

import com.architectbot.ops.BotServer;
import com.architectbot.ops.ServerSettings;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ack latency of {@code POST /slack/events}, measured outside the test run: an open-loop load of 100
 * signed {@code app_mention} events per second for 30 s (after 5 s of warm-up) against the real route on a
 * real BotServer, with the Web API on a loopback fake and a queue that accepts at once. Not a test: run it
 * with the test classpath, e.g. {@code java -cp <bot classes, test classes, test classpath>
 * com.architectbot.slack.AckLatencyBenchmark}.
 */
public final class AckLatencyBenchmark {
    public static void main(String[] args) throws Exception {
        int rps = 100, seconds = 30, warmup = 5;
        var slack = FakeSlackApi.start();
        var redis = TestRedis.client();
        var settings = new SlackSettings(Optional.of("xoxb-load"), Optional.of("secret"), Optional.empty(), slack.apiUrl(),
                Optional.empty(), Optional.empty(), Optional.empty(), 16, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofDays(1));
        var channel = SlackChannel.create(settings, job -> true, redis).orElseThrow();
        channel.start();
        var server = BotServer.start(new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1)), () -> true, List.of(channel));
        var http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        var scheduler = Executors.newScheduledThreadPool(1);
        int total = rps * (seconds + warmup);
        CountDownLatch done = new CountDownLatch(total);
        long periodNanos = 1_000_000_000L / rps;
        for (int i = 0; i < total; i++) {
            final int n = i;
            scheduler.schedule(() -> {
                String body = """
                    {"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev%d","event_time":1700000000,\
                    "authorizations":[{"enterprise_id":null,"team_id":"T1","user_id":"UBOT","is_bot":true}],\
                    "event":{"type":"app_mention","user":"U1","text":"<@UBOT> how do we scale exports %d?","ts":"1700000000.%06d","channel":"CLOAD"}}"""
                    .formatted(n, n, n);
                String ts = String.valueOf(Instant.now().getEpochSecond());
                var req = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", sign(ts, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long start = System.nanoTime();
                http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (n >= rps * warmup) {
                        latencies.add(System.nanoTime() - start);
                        statuses.add(e == null ? r.statusCode() : -1);
                    }
                    done.countDown();
                });
            }, n * periodNanos, TimeUnit.NANOSECONDS);
        }
        done.await(seconds + warmup + 30, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests=%d non200=%d median=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n", sorted.size(),
                statuses.stream().filter(s -> s != 200).count(), ms(sorted, 0.5), ms(sorted, 0.9), ms(sorted, 0.99),
                sorted.getLast() / 1e6);
        scheduler.shutdown();
        server.close();
        channel.close();
        slack.close();
        System.exit(0);
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
    }

    static String sign(String ts, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
