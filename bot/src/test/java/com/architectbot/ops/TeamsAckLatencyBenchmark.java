package com.architectbot.ops;

import com.architectbot.bench.OpenLoop;
import java.net.http.HttpRequest;

/**
 * Time from {@code POST /api/messages} to its HTTP response (issue 5), measured outside the test run: an
 * open-loop load of authenticated channel mentions at a fixed rate against the real bot ({@link RunningBot}:
 * token validation against the fake connector's keys, the SDK turn, the Redis queue, the typing indicator
 * sent to the fake connector; the worker answers in the background as it would in production).
 *
 * <p>Run: {@code mvn -B -o -q -Pbench -pl bot -am test -DskipTests -Dbench=ops.TeamsAckLatencyBenchmark
 * -Dbench.args="50,100 20 3"}; arguments {@code [rates per second=50,100] [seconds per run=20] [runs=3]
 * [warm-up seconds=5]}.
 */
public final class TeamsAckLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        OpenLoop.Plan plan = OpenLoop.Plan.parse(args, "50,100");
        try (RunningBot bot = new RunningBot();
                OpenLoop load = new OpenLoop()) {
            bot.model.notRecording();
            load.measure(plan, id -> mention(bot, id));
        }
        System.exit(0);
    }

    /** An authenticated channel mention; its token is signed when it is built, ahead of the timed send. */
    private static HttpRequest mention(RunningBot bot, String id) {
        var activity = bot.activities.channelMention("load-" + id, "Architect Bot", "how do we scale exports?");
        return HttpRequest.newBuilder(bot.uri("/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bot.connector.token(token -> {}))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
                .build();
    }
}
