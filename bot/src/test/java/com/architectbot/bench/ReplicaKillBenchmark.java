package com.architectbot.bench;

import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TestRedis;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import redis.clients.jedis.UnifiedJedis;

/**
 * Issue 10's fault test: two {@code architect-bot serve} processes from the built jar on one Redis, with
 * every queue and model setting at its default (the enterprise plan, so plan limits refuse nothing), a model that takes 3 s and a fake Slack API. Round after round, a question
 * is asked, the replica working on it is killed with SIGKILL mid-consultation and started again, and a
 * follow-up in its thread (which must wait for it) and one more question elsewhere are asked; then one replica crash-loops, killed as soon as
 * it is back and has taken work. Every question must be answered exactly once and never with an apology.
 * Prints the recovery time of each killed consultation (SIGKILL to its answer) and the counts.
 *
 * <p>Arguments: kills (20), crash-loop restarts (10), the jar (the built one). Needs {@code mvn package}
 * first. Replicas log to {@code replica-a.log} and {@code replica-b.log} next to the jar.
 */
public final class ReplicaKillBenchmark {

    static final String SIGNING_SECRET = "kill-bench-secret";
    static final String CHANNEL = "CKILL";
    private static final Duration MODEL_LATENCY = Duration.ofSeconds(3);
    private static final Duration ANSWER_PATIENCE = Duration.ofMinutes(4);
    private static final Duration POLL = Duration.ofMillis(20);

    private final FakeSlackApi slack;
    private final FakeOpenAi model;
    private final UnifiedJedis redis = TestRedis.client();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Question> questions = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private ReplicaKillBenchmark(FakeSlackApi slack, FakeOpenAi model) {
        this.slack = slack;
        this.model = model;
    }

    /**
     * @param jar the jar the replicas run: a copy, so a build during the run cannot swap it under them
     *     (default {@code target/architect-bot.jar} of the bot module)
     */
    record Arguments(int kills, int crashLoops, Path jar) {
        static Arguments parse(String[] args) {
            Path built = Files.exists(Path.of("target/architect-bot.jar"))
                    ? Path.of("target/architect-bot.jar")
                    : Path.of("bot/target/architect-bot.jar");
            return new Arguments(
                    args.length > 0 ? Integer.parseInt(args[0]) : 20,
                    args.length > 1 ? Integer.parseInt(args[1]) : 10,
                    args.length > 2 ? Path.of(args[2]) : built);
        }
    }

    /** One mention; {@code thread} is the thread's root ts, its own ts for a new thread. */
    record Question(String ts, String thread) {}

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        Runs.printMachine();
        try (FakeOpenAi model = FakeOpenAi.start().withLatency(MODEL_LATENCY).notRecording();
                FakeSlackApi slack = FakeSlackApi.start()) {
            new ReplicaKillBenchmark(slack, model).run(arguments);
        }
        System.exit(0); // the embedded Redis and HTTP servers keep non-daemon threads
    }

    private void run(Arguments args) throws IOException {
        redis.flushAll();
        Path jar = args.jar();
        Map<String, String> env = BotEnvironment.of(model)
                .with("HOST", "127.0.0.1")
                .with(Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-kill-bench",
                        "SLACK_SIGNING_SECRET",
                        SIGNING_SECRET,
                        "SLACK_API_URL",
                        slack.apiUrl().toString(),
                        "HOME",
                        System.getProperty("java.io.tmpdir"),
                        "DEFAULT_PLAN",
                        "enterprise")) // the free plan's 10 requests an hour per user would refuse most
                .variables();
        Path logs = jar.toAbsolutePath().getParent();
        List<Replica> replicas = List.of(
                new Replica("replica-a", jar, env, logs.resolve("replica-a.log")).start(),
                new Replica("replica-b", jar, env, logs.resolve("replica-b.log")).start());
        try {
            replicas.forEach(Replica::awaitReady);
            System.out.printf(
                    Locale.ROOT,
                    "jar %s, logs in %s, model latency %s, all settings default%n",
                    jar,
                    logs,
                    MODEL_LATENCY);
            Latencies recovery = new Latencies();
            for (int round = 1; recovery.count() < args.kills() && round <= 2 * args.kills(); round++) {
                killMidConsultation(replicas, round).ifPresent(recovery::record);
            }
            crashLoop(replicas.get(0), replicas.get(1), args.crashLoops());
            report(recovery);
        } finally {
            replicas.forEach(Replica::kill);
        }
    }

    /**
     * Returns the nanoseconds from the SIGKILL to the killed consultation's answer; empty when the question
     * was answered before the kill landed (a slow machine), which does not count as a kill.
     */
    private Optional<Long> killMidConsultation(List<Replica> replicas, int round) {
        Question first = ask(anyReady(replicas), null);
        Replica owner = patiently("a replica to take round " + round + "'s question")
                .until(() -> owner(replicas), Optional::isPresent)
                .orElseThrow();
        Replica.pause(Duration.ofSeconds(1)); // mid model call
        long killed = System.nanoTime();
        owner.kill();
        boolean midConsultation = posts(first.thread()).isEmpty();
        owner.start();
        Replica survivor = replicas.stream().filter(r -> r != owner).findFirst().orElseThrow();
        ask(survivor, first.thread()); // a follow-up: lines up behind the killed inquiry for the thread's lock
        ask(survivor, null);
        patiently("the killed consultation's answer")
                .until(() -> posts(first.thread()).size() >= 1);
        long recovered = System.nanoTime() - killed;
        patiently("round " + round + "'s answers").until(this::allAnswered);
        owner.awaitReady();
        System.out.printf(
                Locale.ROOT,
                "round %d: killed %s %s; answered %.1f s after the kill (load %s)%n",
                round,
                owner.name(),
                midConsultation ? "mid-consultation" : "after it had answered (not counted)",
                recovered / 1e9,
                Runs.loadAverage());
        return midConsultation ? Optional.of(recovered) : Optional.empty();
    }

    /**
     * Restarts the victim, sends it questions as soon as it is ready, and kills it again as soon as it has
     * taken work (or 2 s after it is ready).
     */
    private void crashLoop(Replica victim, Replica stable, int restarts) {
        for (int cycle = 1; cycle <= restarts; cycle++) {
            victim.kill();
            ask(stable, null);
            victim.start().awaitReady();
            for (int i = 0; i < 3; i++) { // the victim's own questions: its workers take them at once
                ask(victim, null);
            }
            try { // up to 2 s for the victim to hold work; it is killed either way
                Awaitility.await("the victim to take work")
                        .atMost(Duration.ofSeconds(2))
                        .pollInterval(POLL)
                        .until(() -> owner(List.of(victim)).isPresent());
            } catch (ConditionTimeoutException e) {
                // killed without work: the line below says so
            }
            System.out.printf(
                    Locale.ROOT,
                    "crash loop %d: killed %s %s work%n",
                    cycle,
                    victim.name(),
                    owner(List.of(victim)).isPresent() ? "holding" : "without");
            victim.kill();
        }
        victim.start();
        patiently("every answer after the crash loop").until(this::allAnswered);
        victim.awaitReady();
    }

    private void report(Latencies recovery) {
        Replica.pause(Duration.ofSeconds(10)); // a late duplicate would show up by now
        int once = 0;
        int duplicated = 0;
        int missing = 0;
        List<String> threads =
                questions.stream().map(Question::thread).distinct().toList();
        for (String thread : threads) {
            long expected =
                    questions.stream().filter(q -> q.thread().equals(thread)).count();
            int got = posts(thread).size();
            if (got == expected) {
                once += (int) expected;
            } else if (got > expected) {
                duplicated += got - (int) expected;
            } else {
                missing += (int) expected - got;
            }
        }
        long apologies = slack.calls("chat.postMessage").stream()
                .filter(c -> c.body().contains("Sorry") || c.body().contains("reached"))
                .count(); // or a refusal
        if (recovery.count() > 0) {
            Latencies.Summary summary = recovery.summary();
            System.out.printf(
                    Locale.ROOT,
                    "recovery (SIGKILL to answer) over %d kills: median %.1f s, max %.1f s%n",
                    summary.count(),
                    summary.medianMs() / 1e3,
                    summary.maxMs() / 1e3);
        }
        System.out.printf(
                Locale.ROOT,
                "questions %d: answered exactly once %d, duplicate answers %d, unanswered %d, "
                        + "apologies or refusals %d, dead letters %d, model calls %d%n",
                questions.size(),
                once,
                duplicated,
                missing,
                apologies,
                redis.exists("ab:jobs:dead") ? redis.xlen("ab:jobs:dead") : 0,
                model.received());
    }

    private Question ask(Replica replica, String thread) {
        String ts = String.format(Locale.ROOT, "1800000000.%06d", sequence.incrementAndGet());
        Question question = new Question(ts, thread == null ? ts : thread);
        String event = """
                {"type":"app_mention","user":"U1","text":"<@%s> How should we shard tenants?","ts":"%s",%s\
                "channel":"%s","event_ts":"%s"}""".formatted(
                FakeSlackApi.BOT_USER, ts, thread == null ? "" : "\"thread_ts\":\"" + thread + "\",", CHANNEL, ts);
        String body = SlackRequests.envelope("EvKill" + ts.replace(".", ""), event);
        try {
            int status = http.send(
                            SlackRequests.signed(
                                    replica.uri("/slack/events"), SIGNING_SECRET, body, "application/json"),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                throw new IllegalStateException(replica.name() + " answered " + status + " to a mention");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not reach " + replica.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        questions.add(question);
        return question;
    }

    private boolean allAnswered() {
        return questions.stream()
                .map(Question::thread)
                .distinct()
                .allMatch(thread -> posts(thread).size()
                        >= questions.stream()
                                .filter(q -> q.thread().equals(thread))
                                .count());
    }

    private List<FakeSlackApi.Call> posts(String thread) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> CHANNEL.equals(c.param("channel")) && thread.equals(c.param("thread_ts")))
                .toList();
    }

    /** The replica whose worker holds a pending job, from the consumer names (host-pid-instance). */
    private Optional<Replica> owner(List<Replica> replicas) {
        if (!redis.exists("ab:jobs")) {
            return Optional.empty();
        }
        Map<String, Long> byConsumer = redis.xpending("ab:jobs", "workers").getConsumerMessageCount();
        if (byConsumer == null) { // nothing pending
            return Optional.empty();
        }
        return replicas.stream()
                .filter(r -> byConsumer.keySet().stream().anyMatch(c -> c.contains("-" + r.pid() + "-")))
                .findFirst();
    }

    private static Replica anyReady(List<Replica> replicas) {
        List<Replica> ready = replicas.stream().filter(Replica::isReady).toList();
        return ready.get(ThreadLocalRandom.current().nextInt(ready.size()));
    }

    private static ConditionFactory patiently(String what) {
        return Awaitility.await(what).atMost(ANSWER_PATIENCE).pollInterval(POLL);
    }
}
