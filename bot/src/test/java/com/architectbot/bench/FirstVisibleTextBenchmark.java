package com.architectbot.bench;

import com.architectbot.cli.Terminal;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.testing.BotEnvironment;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.TokenPace;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How soon the answer shows (issue 13), on the user's screen: from the model's first token to the first text of the
 * answer's summary a surface shows, with the whole bot as {@code serve} runs it ({@link ServedSurfaces}) and a fake
 * model streaming at 50 tokens a second. "Shows" is the first Slack Web API call carrying summary text (not the
 * status line), the first Teams streaming activity carrying it (personal chat) or the first message with it
 * (channel), and the first write of it to the terminal by {@code architect-bot consult}.
 *
 * <p>Arguments: {@code [consultations per surface=30] [tokens per second=50]}. Each surface is warmed up with
 * three consultations first. Consultations run one after another, each to its end (the surface quiet again).
 */
public final class FirstVisibleTextBenchmark {

    /** A realistic answer: a 3-sentence summary of 305 characters, about 76 tokens at four characters a token. */
    static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Decouple exports from requests: put each export on a durable queue, run it in a worker pool sized per"
                    + " tenant, and let the client poll a status endpoint or receive a webhook. Before selling to"
                    + " enterprises, add per-tenant quotas, idempotent job ids, retries with backoff and an audit trail"
                    + " of who exported what.",
            List.of("Exports time out after 20 minutes and leave partial files behind."),
            List.of(new AreaAnalysis(Area.SCALABILITY, List.of("A large tenant's export holds a request thread."))),
            List.of(new Recommendation("Move exports to a queue with per-tenant limits.", Priority.BEFORE_LAUNCH)),
            List.of("How large is the largest tenant's export?"));
    /** The summary's first token as the fake model cuts text: the answer's first text any surface can show. */
    static final String FIRST_TEXT = ANSWER.summary().substring(0, TokenPace.TOKEN_CHARS);

    static final String QUESTION =
            "Exports of large tenants take 20 minutes and time out. Should we move them to a queue?";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Nothing more from the bot for this long after the model's last token: the answer is delivered. */
    private static final Duration QUIET = Duration.ofMillis(2500);

    private static final int WARM_UP = 3;

    private FirstVisibleTextBenchmark() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Runs.printMachine();
        System.out.printf(
                "%d consultations per surface one after another, model streaming %d tokens/s, summary %d chars%n",
                count, rate, ANSWER.summary().length());
        try (FakeOpenAi model =
                        FakeOpenAi.start().streamingAt(rate).notRecording().answering(ANSWER);
                ServedSurfaces served = new ServedSurfaces(model)) {
            var surfaces = new Surfaces(model, served);
            measure("Slack channel thread", count, surfaces::slackThread);
            measure("Teams personal chat", count, surfaces::teamsPersonal);
            measure("Teams channel", count, surfaces::teamsChannel);
            measure("CLI consult", count, surfaces::cli);
        }
        System.exit(0);
    }

    private static void measure(String surface, int count, Supplier<Duration> consultation) {
        for (int i = 0; i < WARM_UP; i++) {
            consultation.get();
        }
        Latencies latencies = new Latencies();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            long nanos = consultation.get().toNanos();
            latencies.record(nanos);
            min = Math.min(min, nanos);
        }
        Latencies.Summary summary = latencies.summary();
        System.out.printf(
                Locale.ROOT,
                "%s, first token to first visible text: median=%.0fms p99=%.0fms min..max=%.0f..%.0fms (n=%d, load %s)%n",
                surface,
                summary.medianMs(),
                summary.p99Ms(),
                min / 1e6,
                summary.maxMs(),
                summary.count(),
                Runs.loadAverage());
    }

    /** One consultation on each surface: the time from the model's first token to the first visible summary text. */
    private record Surfaces(FakeOpenAi model, ServedSurfaces served) {

        Duration slackThread() {
            FakeSlackApi slack = served.slack();
            int before = slack.calls().size();
            int ended = model.streamsEnded();
            String root = RunningIds.next("1700000000.");
            served.slackMention(RunningIds.next("Ev"), "CBENCH", RunningIds.next("1700000001."), root, QUESTION);
            Instant shown = await(
                    "Slack text",
                    () -> slack.calls().subList(before, slack.calls().size()).stream()
                            .filter(call -> call.method().startsWith("chat."))
                            .filter(call ->
                                    String.valueOf(call.param("markdown_text")).contains(FIRST_TEXT))
                            .map(FakeSlackApi.Call::at)
                            .findFirst());
            return since(ended, shown, () -> slack.calls().size());
        }

        Duration teamsPersonal() {
            return teams(
                    served.activities().personalMessage(RunningIds.next("17"), RunningIds.next("a:"), QUESTION),
                    call -> "streaming"
                            .equals(call.streamInfo().path("streamType").asText()));
        }

        Duration teamsChannel() {
            return teams(
                    served.activities().channelMention(RunningIds.next("17"), ServedSurfaces.BOT_NAME, QUESTION),
                    call -> "message".equals(call.body().path("type").asText()));
        }

        private Duration teams(
                com.fasterxml.jackson.databind.node.ObjectNode activity,
                java.util.function.Predicate<FakeBotConnector.Call> kind) {
            FakeBotConnector connector = served.connector();
            int before = connector.calls().size();
            int ended = model.streamsEnded();
            served.teamsActivity(activity);
            Instant shown = await(
                    "Teams text",
                    () -> connector.calls().subList(before, connector.calls().size()).stream()
                            .filter(call -> call.body() != null && kind.test(call))
                            .filter(call -> call.body().toString().contains(FIRST_TEXT))
                            .map(FakeBotConnector.Call::at)
                            .findFirst());
            return since(ended, shown, () -> connector.calls().size());
        }

        Duration cli() {
            FirstWrite out = new FirstWrite();
            int exit =
                    Terminal.run(BotEnvironment.of(model).environment(), out, new StringWriter(), "consult", QUESTION);
            if (exit != 0 || out.at == null) {
                throw new IllegalStateException("consult exited " + exit + " without the summary: " + out.text);
            }
            return Duration.between(model.lastStreamStartedAt(), out.at);
        }

        /** Waits for the answer to be delivered, then gives the time from this consultation's first token to {@code shown}. */
        private Duration since(int streamsEnded, Instant shown, Supplier<Integer> calls) {
            Instant firstToken = model.lastStreamStartedAt();
            await(
                    "the model's last token",
                    () -> Optional.of(model.streamsEnded()).filter(n -> n > streamsEnded));
            int seen = -1;
            while (seen != calls.get()) {
                seen = calls.get();
                pause(QUIET);
            }
            return Duration.between(firstToken, shown);
        }
    }

    /** The terminal: notes when the summary's first word is first written. */
    private static final class FirstWrite extends Writer {
        private final StringBuilder text = new StringBuilder();
        private volatile Instant at;

        @Override
        public void write(char[] chars, int offset, int length) {
            Instant now = Instant.now();
            text.append(chars, offset, length);
            if (at == null && text.indexOf(FIRST_TEXT) >= 0) {
                at = now;
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static <T> T await(String what, Supplier<Optional<T>> found) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> result = found.get();
            if (result.isPresent()) {
                return result.get();
            }
            pause(Duration.ofMillis(10));
        }
        throw new IllegalStateException("no " + what + " within " + WAIT);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Unique ids for events, messages and threads. */
    private static final class RunningIds {
        private static long next = 100;

        static String next(String prefix) {
            return prefix + String.format(Locale.ROOT, "%06d", next++);
        }
    }
}
