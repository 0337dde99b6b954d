package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.InquiryKind;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Job;
import com.architectbot.tenancy.TenantEraser;
import com.architectbot.testing.CapturedLogs;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.FakeSlackSocket;
import com.architectbot.testing.SlackRequests;
import com.architectbot.testing.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The real Bolt Socket Mode client (Tyrus) against a loopback Socket Mode server: it opens the connection
 * with the app token, acks each envelope by its id, and turns envelopes into jobs as HTTP events do.
 */
class SlackSocketModeTest {

    private static final String APP_TOKEN = "xapp-1-test";

    /** Records jobs; a job whose text mentions "slow" holds its handler until the test releases it. */
    static final class GatedQueue implements InquiryQueue {
        final List<Job> jobs = new CopyOnWriteArrayList<>();
        final CountDownLatch slowEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public boolean enqueue(Job job) {
            if (job.inquiry().text().contains("slow")) {
                slowEntered.countDown();
                try {
                    if (!release.await(FakeSlackApi.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new AssertionError("the test never released the slow job");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while held", e);
                }
            }
            jobs.add(job);
            return true;
        }
    }

    private final FakeSlackApi slack = FakeSlackApi.start();
    private final FakeSlackSocket socket = FakeSlackSocket.start();
    private final GatedQueue queue = new GatedQueue();
    private final UnifiedJedis redis = TestRedis.client();
    private final SlackChannel channel;

    SlackSocketModeTest() {
        slack.socketModeUrl(socket.url());
        var settings = new SlackSettings(
                Optional.of("xoxb-test"),
                Optional.empty(),
                Optional.of(APP_TOKEN),
                slack.apiUrl(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                4,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofDays(1));
        channel = TestSlackChannel.started(settings, queue, redis, TenantEraser.NONE);
    }

    @AfterEach
    void stop() {
        queue.release.countDown();
        channel.close();
        socket.close();
        redis.close();
        slack.close();
    }

    private static String mention(String ts, String threadTs, String text) {
        return """
                {"type":"app_mention","user":"U1","text":"<@UBOT> %s","ts":"%s","thread_ts":"%s","channel":"C1",\
                "event_ts":"%s"}""".formatted(text, ts, threadTs, ts);
    }

    private Job awaitJob(String text) {
        return Awaitility.await("a job with text " + text)
                .atMost(FakeSlackApi.WAIT)
                .pollInterval(FakeSlackApi.POLL)
                .until(
                        () -> queue.jobs.stream()
                                .filter(j -> j.inquiry().text().equals(text))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void the_connection_is_opened_with_the_app_token() {
        socket.awaitConnected();

        assertThat(slack.calls("apps.connections.open"))
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.token()).isEqualTo(APP_TOKEN));
    }

    @Test
    void a_mention_envelope_is_acked_by_its_id_and_queued_for_its_thread_with_the_mention_stripped() {
        socket.sendEvent(
                "env-1",
                SlackRequests.envelope(
                        "Ev1", mention("1700000000.000200", "1700000000.000100", "How should we shard tenants?")));

        JsonNode ack = socket.awaitAck("env-1");
        Job job = awaitJob("How should we shard tenants?");

        assertThat(ack.get("envelope_id").asText()).isEqualTo("env-1");
        assertThat(job.inquiry().id().value()).isEqualTo("slack:Ev1");
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().user()).isEqualTo("U1");
        assertThat(job.inquiry().thread()).isEqualTo(new ThreadKey(Surface.SLACK, "T1", "C1", "1700000000.000100"));
        assertThat(job.replyTo().get("thread_ts")).isEqualTo("1700000000.000100");
    }

    @Test
    void a_secret_in_a_socket_mode_mention_is_redacted_before_the_job_is_queued_or_logged() {
        String token = "gl" + "pat-" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (var logs = new CapturedLogs()) {
            socket.sendEvent(
                    "env-secret",
                    SlackRequests.envelope(
                            "EvS", mention("1700000000.000300", "1700000000.000100", "the deploy key is " + token)));

            Job job = awaitJob("the deploy key is [redacted GitLab token]");

            assertThat(job.inquiry().text()).doesNotContain(token);
            assertThat(logs.text()).doesNotContain(token);
        }
    }

    @Test
    void an_event_with_no_handler_is_still_acked_so_slack_does_not_redeliver_it() {
        socket.sendEvent("env-reaction", SlackRequests.envelope("EvR", """
                {"type":"reaction_added","user":"U1","reaction":"eyes","item":{"type":"message","channel":"C1",\
                "ts":"1.1"},"event_ts":"1.2"}"""));

        assertThat(socket.awaitAck("env-reaction").get("envelope_id").asText()).isEqualTo("env-reaction");
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void a_slash_command_envelope_is_acked_with_the_ephemeral_answer_and_queued() {
        socket.sendSlashCommand(
                "env-cmd",
                Map.of(
                        "team_id",
                        "T1",
                        "team_domain",
                        "acme",
                        "channel_id",
                        "C7",
                        "user_id",
                        "U1",
                        "user_name",
                        "ada",
                        "command",
                        "/architect",
                        "text",
                        "Should we go multi-region before launch?",
                        "api_app_id",
                        "A1",
                        "response_url",
                        slack.responseUrl(),
                        "trigger_id",
                        "trig-1"));

        JsonNode ack = socket.awaitAck("env-cmd");
        Job job = awaitJob("Should we go multi-region before launch?");

        assertThat(ack.path("payload").path("text").asText()).isEqualTo(SlackFeedback.COMMAND_ACK);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().id().value()).isEqualTo("slack:cmd:trig-1");
        assertThat(job.inquiry().thread().channel()).isEqualTo("C7");
    }

    @Test
    void a_slow_handler_does_not_hold_back_the_ack_of_the_next_envelope() throws Exception {
        socket.sendEvent("env-slow", SlackRequests.envelope("EvSlow", mention("1.2", "1.1", "a slow one")));
        assertThat(queue.slowEntered.await(FakeSlackApi.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isTrue();

        socket.sendEvent("env-fast", SlackRequests.envelope("EvFast", mention("2.2", "2.1", "a quick one")));
        socket.awaitAck("env-fast");

        assertThat(socket.ack("env-slow")).isEmpty(); // its handler is still held in enqueue
        assertThat(queue.jobs).extracting(j -> j.inquiry().text()).containsExactly("a quick one");
        queue.release.countDown();
        assertThat(socket.awaitAck("env-slow").get("envelope_id").asText()).isEqualTo("env-slow");
    }

    @Test
    void closing_the_channel_closes_the_socket() {
        socket.awaitConnected();

        channel.close();

        socket.awaitAllClosed();
        assertThat(socket.openConnections()).isZero();
    }

    @Test
    void closing_the_channel_stops_the_socket_mode_client_threads() {
        socket.awaitConnected();
        List<Thread> clientThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("socket-mode-"))
                .toList();
        assertThat(clientThreads).isNotEmpty(); // the client's message poller and session monitor

        channel.close();

        Awaitility.await("the client threads to stop")
                .atMost(FakeSlackApi.WAIT)
                .pollInterval(FakeSlackApi.POLL)
                .untilAsserted(() -> assertThat(clientThreads).noneMatch(Thread::isAlive));
    }
}
