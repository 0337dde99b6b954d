package com.architectbot.slack;

import com.architectbot.bench.Latencies;
import com.architectbot.bench.Runs;
import com.architectbot.ops.BotServer;
import com.architectbot.ops.ServerSettings;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.redis.RedisStreamQueue;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        List<Integer> rates = List.of(args.length > 0 ? args[0].split(",") : new String[] {"100", "500"}).stream()
                .map(Integer::parseInt).toList();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Runs.printMachine();
        var slack = FakeSlackApi.start();
        var redis = TestRedis.client();
        QueueSettings defaults = QueueSettings.defaults();
        var queue = new RedisStreamQueue(redis, new QueueSettings(defaults.concurrency(), defaults.visibilityTimeout(),
                defaults.maxAttempts(), "ackbench" + System.nanoTime(), defaults.readBlock(), defaults.reclaimInterval(),
                defaults.enqueuedMarkTtl(), defaults.answeredMarkTtl(), defaults.retryDelay()));
        var settings = new SlackSettings(Optional.of("xoxb-load"), Optional.of(SECRET), Optional.empty(), slack.apiUrl(),
                Optional.empty(), Optional.empty(), Optional.empty(), 16, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofDays(1));
        var channel = SlackChannel.create(settings, queue, redis).orElseThrow();
        channel.start();
        var server = BotServer.start(new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1)), () -> true, List.of(channel));
        var http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        // One event first, answered before the load starts: Bolt caches auth.test only once one call has
        // returned, so every event that arrives before that calls auth.test itself (a start-up herd).
        var primed = http.send(new Load(http, uri, scheduler, 1).event("prime"), HttpResponse.BodyHandlers.discarding());
        System.out.println("priming event: HTTP " + primed.statusCode());
        for (int rate : rates) {
            Load load = new Load(http, uri, scheduler, rate);
            load.run("warm-up-" + rate, warmup);
            Runs timed = new Runs(rate + "/s");
            for (int r = 1; r <= runs; r++) {
                timed.add(load.run(rate + "-" + r, seconds));
            }
            timed.printSummary();
        }
        scheduler.shutdown();
        server.close();
        channel.close();
        slack.close();
        System.exit(0);
    }

    /** Sends events at a fixed rate, whatever the answers' speed (open loop), and records each ack's latency. */
    private record Load(HttpClient http, URI uri, ScheduledExecutorService scheduler, int rate) {

        Latencies run(String name, int seconds) throws InterruptedException {
            int total = rate * seconds;
            long period = 1_000_000_000L / rate;
            Latencies latencies = new Latencies();
            AtomicInteger failed = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(total);
            for (int i = 0; i < total; i++) {
                HttpRequest request = event(name + "-" + i);
                scheduler.schedule(() -> send(request, latencies, failed, done), i * period, TimeUnit.NANOSECONDS);
            }
            if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": " + done.getCount() + " requests unanswered");
            }
            if (failed.get() > 0) {
                System.out.println(name + ": " + failed.get() + " requests failed or were not acked with 200");
            }
            return latencies;
        }

        private void send(HttpRequest request, Latencies latencies, AtomicInteger failed, CountDownLatch done) {
            long start = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.record(System.nanoTime() - start);
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }

        /** A signed event, built ahead of its send so that signing is not timed; Slack allows 5 minutes of skew. */
        private HttpRequest event(String id) {
            String body = """
                {"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev%s","event_time":1700000000,\
                "authorizations":[{"enterprise_id":null,"team_id":"T1","user_id":"UBOT","is_bot":true}],\
                "event":{"type":"app_mention","user":"U1","text":"<@UBOT> how do we scale exports %s?","ts":"1700000000.%s","channel":"CLOAD"}}"""
                .formatted(id, id, id.replaceAll("\\D", ""));
            String ts = String.valueOf(Instant.now().getEpochSecond());
            return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", SlackRequests.sign(SECRET, ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }
}
