package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.Job;
import com.architectbot.queue.JobPipeline;
import com.architectbot.queue.JobWorkers;
import com.architectbot.queue.QueueSettings;
import com.architectbot.queue.TestQueueSettings;
import com.architectbot.queue.redis.RedisAnsweredMarks;
import com.architectbot.queue.redis.RedisDeadLetters;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.queue.redis.RedisStreamQueue;
import com.architectbot.slack.redis.RecentThreads;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.WorkerDeath;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackHarness harness = new SlackHarness();
    private final String channel = SlackHarness.uniqueChannel("C");
    /** Quick retries, so a job whose worker died is taken up again within the test. */
    private final QueueSettings settings = TestQueueSettings.defaults("test-" + UUID.randomUUID())
            .concurrency(2)
            .visibilityTimeout(Duration.ofHours(1))
            .maxAttempts(3)
            .readBlock(Duration.ofMillis(100))
            .reclaimInterval(Duration.ofMillis(50))
            .markTtls(Duration.ofHours(1))
            .retryDelay(Duration.ofMillis(100))
            .build();

    private final DeliveredParts record = new RedisDeliveredParts(harness.redis, settings);

    @AfterEach
    void stop() {
        harness.close();
    }

    private String ackText(String command, String text) throws Exception {
        var response =
                harness.command(Map.of("command", command, "text", text, "channel_id", channel, "user_id", "U1"));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("text").asText();
    }

    @Test
    void architect_help_replies_with_the_help_text_and_queues_nothing() throws Exception {
        assertThat(ackText("/architect", "help")).contains("/license-check", "/architect forget");
        assertThat(ackText("/architect", "")).contains("/license-check");
        assertThat(ackText("/architect", "license-check")).contains("/license-check", "/architect forget");
        assertThat(harness.queue.jobs).isEmpty();
        assertThat(harness.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void an_unknown_subcommand_gets_the_help_text() throws Exception {
        assertThat(ackText("/architect", "forgett")).contains("I don't know `/architect forgett`", "/license-check");
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void a_question_is_queued_before_the_ack_and_nothing_is_posted_until_a_worker_takes_it() throws Exception {
        assertThat(ackText("/architect", "Should we go multi-region before launch?"))
                .isEqualTo(SlackFeedback.COMMAND_ACK);

        Job job = harness.queue.jobs.getFirst(); // no waiting: it was queued before the ack
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().text()).isEqualTo("Should we go multi-region before launch?");
        assertThat(job.inquiry().id().value()).startsWith("slack:cmd:trig-");
        assertThat(SlackTargets.isNewThread(job.replyTo())).isTrue();
        assertThat(harness.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void the_worker_posts_the_quoted_thread_root_and_answers_in_that_thread() throws Exception {
        ackText("/architect", "Should we go multi-region before launch?");

        runJobs(record);

        var posts = harness.slack.await("chat.postMessage", 2);
        assertThat(posts.getFirst().param("channel")).isEqualTo(channel);
        assertThat(posts.getFirst().param("thread_ts")).isNull();
        assertThat(posts.getFirst().param("text"))
                .isEqualTo("<@U1> asked:\n> Should we go multi-region before launch?");
        String rootTs = posts.get(1).param("thread_ts");
        assertThat(rootTs).startsWith("1700000100.");
        assertThat(posts.get(1).param("text")).contains("Answered in thread " + rootTs);
        assertThat(new RecentThreads(harness.redis, Duration.ofDays(1), java.time.Clock.systemUTC())
                        .last("T1", channel, "U1"))
                .hasValueSatisfying(thread -> assertThat(thread.thread()).isEqualTo(rootTs));
    }

    @Test
    void a_slash_command_whose_worker_dies_after_posting_the_root_is_still_answered_once() throws Exception {
        // given: acked, then the worker dies right after Slack accepted the thread root, before recording it
        ackText("/architect", "How do we version our API?");
        var dying = new WorkerDeath(record, "thread/root");

        // when: the job is reclaimed
        runJobs(dying);

        // then: the root was found on Slack; one root, one answer in its thread
        var posts = harness.slack.await("chat.postMessage", 2);
        assertThat(dying.died()).isTrue();
        assertThat(harness.slack.calls("conversations.history")).isNotEmpty();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).param("thread_ts")).startsWith("1700000100.");
        assertThat(posts.get(1).param("text"))
                .contains("Answered in thread " + posts.get(1).param("thread_ts"));
    }

    @Test
    void license_check_with_a_coordinate_queues_a_licence_check_in_a_new_thread() throws Exception {
        String args = "pkg:maven/org.apache.commons/commons-lang3@3.14.0 --policy saas";

        assertThat(ackText("/license-check", args)).isEqualTo(SlackFeedback.LICENCE_ACK);

        Job job = harness.queue.jobs.getFirst();
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(job.inquiry().text()).isEqualTo(args);
        runJobs(record);
        assertThat(harness.slack.await("chat.postMessage", 2).getFirst().param("text"))
                .contains("asked for a licence check of", args);
    }

    @Test
    void a_channel_the_bot_cannot_post_in_gets_an_honest_ephemeral_answer() throws Exception {
        harness.slack.fail("chat.postMessage", "not_in_channel");

        ackText("/architect", "How do we version our API?");
        runJobs(record);

        var followUp = harness.slack.await("response_url", 1).getFirst();
        assertThat(followUp.param("text")).contains("I can't post in this conversation", "/invite");
    }

    @Test
    void a_queue_that_is_away_gets_an_honest_ack_instead_of_a_lost_command() throws Exception {
        harness.queue.away = true;

        assertThat(ackText("/architect", "How do we version our API?")).contains("couldn't queue that");
        assertThat(harness.queue.jobs).isEmpty();
        assertThat(harness.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_response_url_that_is_not_slacks_is_never_called() throws Exception {
        harness.slack.fail("chat.postMessage", "not_in_channel");
        var response = harness.command(Map.of(
                "command",
                "/architect",
                "text",
                "How do we version our API?",
                "channel_id",
                channel,
                "user_id",
                "U1",
                "response_url",
                "https://attacker.example/steal"));
        assertThat(response.statusCode()).isEqualTo(200);

        runJobs(record);

        harness.slack.await("chat.postMessage", 1);
        assertThat(harness.slack.calls("response_url")).isEmpty();
    }

    /** Runs the queued jobs on real workers and a real queue until they are done, as a replica would. */
    private void runJobs(DeliveredParts parts) {
        var queue = new RedisStreamQueue(
                harness.redis,
                settings,
                new RedisDeadLetters(harness.redis, settings, Clock.systemUTC()),
                Clock.systemUTC());
        harness.queue.jobs.forEach(queue::enqueue);
        try (JobWorkers workers = new JobWorkers(
                        new JobPipeline(
                                queue,
                                new RedisAnsweredMarks(harness.redis, settings),
                                parts,
                                (inquiry, progress) -> new Reply.Notice(
                                        Reply.Tone.INFO,
                                        "Answered in thread " + inquiry.thread().thread()),
                                harness.channel.forWorkers().replier()),
                        settings,
                        new SimpleMeterRegistry())
                .start()) {
            var marks = new RedisAnsweredMarks(harness.redis, settings);
            Awaitility.await("the last job to be answered")
                    .atMost(FakeSlackApi.WAIT)
                    .pollInterval(FakeSlackApi.POLL)
                    .until(() -> marks.isAnswered(
                            harness.queue.jobs.getLast().inquiry().id()));
        }
    }

    @Test
    void forget_forgets_the_thread_the_user_last_talked_to_the_bot_in_here() throws Exception {
        harness.event("EvF1", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> review our backups","ts":"1.2","thread_ts":"1.1","channel":"%s"}""".formatted(channel));

        assertThat(ackText("/architect", "forget")).contains("Forgetting our latest conversation in here");

        Job forget = harness.queue.jobs.getLast();
        assertThat(forget.inquiry().kind()).isEqualTo(InquiryKind.FORGET);
        assertThat(forget.inquiry().thread())
                .isEqualTo(harness.queue.jobs.getFirst().inquiry().thread());
        assertThat(forget.replyTo().get("thread_ts")).isEqualTo("1.1");
    }

    @Test
    void forget_with_no_conversation_here_says_so() throws Exception {
        assertThat(ackText("/architect", "forget")).contains("I have no conversation with you in here to forget");
        assertThat(harness.queue.jobs).isEmpty();
    }
}
