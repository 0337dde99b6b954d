package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.core.InquiryId;
import com.architectbot.core.Reply;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.queue.Job;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.testing.Answers;
import com.architectbot.testing.FakeBotConnector.Call;
import com.architectbot.testing.MarkdownLinks;
import com.architectbot.testing.TestRedis;
import com.architectbot.testing.WorkerDeath;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The live answer in Teams, driven with drafts as a consultation reports them, against the fake Bot Connector:
 * Teams' streaming protocol in a personal chat, post-then-update elsewhere, and the reply taking its place.
 */
class TeamsAnswerStreamTest {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final StreamLimits FAST =
            new StreamLimits(INTERVAL, Duration.ofMillis(400), Duration.ofMinutes(1), 3_000);

    private final TeamsFixture teams = TeamsFixture.unauthenticated();
    private final UnifiedJedis redis = TestRedis.client();
    private final RedisDeliveredParts record = TestReplyParts.recordedIn(redis);
    private final InquiryId inquiry = new InquiryId("teams:" + UUID.randomUUID());

    @AfterEach
    void stop() {
        teams.close();
        redis.close();
    }

    private TeamsReplier replier(StreamLimits limits) {
        var settings = TeamsSettings.from(new Environment(Map.of(
                "TEAMS_CONNECTOR_HOSTS", TeamsFixture.LOCAL_FAKES, "TEAMS_FILE_HOSTS", TeamsFixture.LOCAL_FAKES)));
        var conversation = new TeamsConversation(new TeamsAdapter(settings), Duration.ofSeconds(10));
        return new TeamsReplier(
                conversation, new TeamsMessages(), teams.exports, limits, new TeamsFeedbackLoop(AnswerActivities.NONE));
    }

    private Job askedInPersonalChat() {
        teams.post(teams.personalMessage("1700000000300", "Are we ready to launch?"));
        return teams.queue.jobs.getLast();
    }

    private Job askedInChannel() {
        teams.post(teams.channelMention("1700000000301", "Architect Bot", "Are we ready to launch?"));
        return teams.queue.jobs.getLast();
    }

    private ReplyParts parts(String reply, String owner) {
        return new ReplyParts(inquiry, reply, record, owner);
    }

    /** The id Bot Connector gave the live message, as recorded. */
    private String liveId() {
        return ((PartState.Sent) record.state(inquiry, "stream/message")).messageId();
    }

    /** The typing activities of a stream (the turn's own typing indicator carries no stream). */
    private List<Call> streamed() {
        return teams.connector.activitiesOfType("typing").stream()
                .filter(call -> !call.streamInfo().isMissingNode())
                .toList();
    }

    private static AnswerDraft summary(String text) {
        return new AnswerDraft(new ConsultationAnswer(text, null, null, null, null), AnswerSection.SUMMARY);
    }

    /** Reports the summary word by word, a little faster than the live view may show it. */
    private static void write(AnswerProgress progress, String text, Duration pause) {
        String[] words = text.split(" ");
        StringBuilder sofar = new StringBuilder();
        for (String word : words) {
            sofar.append(sofar.isEmpty() ? "" : " ").append(word);
            progress.draft(summary(sofar.toString()));
            pauseFor(pause);
        }
    }

    /** The stream's final message went out, then the answer's card (priority flags and all) was written over it. */
    private void assertStreamEndedAndTheAnswersCardWrittenOverIt() {
        Call last = teams.connector.activitiesOfType("message").getLast();
        assertThat(last.streamInfo().path("streamType").asText()).isEqualTo("final");
        assertThat(teams.connector
                        .updates()
                        .getLast()
                        .body()
                        .at("/attachments/0/content")
                        .toString())
                .contains("Critical blocker");
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause); // paces the drafts as a model would; no assertion depends on it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final String SUMMARY =
            "Not ready to launch: the database has no replica and failover was never rehearsed, so one disk ends it.";

    @Test
    void personal_chat_streams_status_then_growing_text_then_the_typed_answer_takes_its_place_once() {
        // given
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));

        // when
        progress.status("Checking licences of 12 packages...");
        pauseFor(INTERVAL);
        write(progress, SUMMARY, Duration.ofMillis(60));
        replier.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), parts("answer", "w1#1"));

        // then: informative, then streaming chunks numbered upwards under the first one's id, then the final message
        List<Call> typing = streamed();
        assertThat(typing.size()).isGreaterThan(2);
        Call first = typing.getFirst();
        assertThat(first.streamInfo().path("streamType").asText()).isEqualTo("informative");
        assertThat(first.streamInfo().path("streamSequence").asInt()).isEqualTo(1);
        assertThat(first.streamInfo().has("streamId")).isFalse();
        assertThat(first.body().path("text").asText()).isEqualTo("Checking licences of 12 packages...");
        String streamId = liveId();
        List<Call> chunks = typing.subList(1, typing.size());
        String previous = "";
        int sequence = 1;
        for (Call chunk : chunks) {
            assertThat(chunk.streamInfo().path("streamType").asText()).isEqualTo("streaming");
            assertThat(chunk.streamInfo().path("streamId").asText()).isEqualTo(streamId);
            assertThat(chunk.streamInfo().path("streamSequence").asInt()).isGreaterThan(sequence);
            assertThat(chunk.body().path("text").asText()).startsWith(previous).isNotEqualTo(previous);
            sequence = chunk.streamInfo().path("streamSequence").asInt();
            previous = chunk.body().path("text").asText();
        }
        List<Call> messages = teams.connector.activitiesOfType("message");
        assertThat(messages).hasSize(1);
        Call last = messages.getFirst();
        assertThat(last.streamInfo().path("streamType").asText()).isEqualTo("final");
        assertThat(last.streamInfo().path("streamId").asText()).isEqualTo(streamId);
        assertThat(last.streamInfo().has("streamSequence")).isFalse();
        assertThat(last.body().path("text").asText()).isEqualTo(previous);
        assertThat(last.body().path("attachments").isEmpty())
                .isTrue(); // the card replaces the text: the answer shows once
        assertThat(last.body().at("/channelData/feedbackLoopEnabled").asBoolean())
                .isTrue();
        assertThat(last.body().at("/channelData/streamId").asText()).isEqualTo(streamId);
        assertThat(teams.connector.updates()).singleElement().satisfies(update -> {
            assertThat(update.replyToId()).isEqualTo(streamId);
            assertThat(update.body().at("/attachments/0/content").toString())
                    .contains("Critical blocker", "Future consideration", "What is your recovery point objective?");
            assertThat(update.body().toString()).contains("AIGeneratedContent");
        });
        assertThat(record.state(inquiry, "stream/message")).isEqualTo(new PartState.Sent(streamId));
    }

    @Test
    void updates_go_out_no_more_often_than_the_interval() {
        // given
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));

        // when: a draft every 20 ms for about two seconds
        write(progress, (SUMMARY + " ").repeat(6).strip(), Duration.ofMillis(20));

        // then
        List<Call> typing = streamed();
        assertThat(typing.size()).isBetween(3, 12);
        for (int i = 1; i < typing.size(); i++) {
            Duration gap =
                    Duration.between(typing.get(i - 1).at(), typing.get(i).at());
            assertThat(gap).isGreaterThanOrEqualTo(INTERVAL.minusMillis(40)); // arrival jitter on loopback
        }
    }

    @Test
    void channel_gets_one_message_at_the_first_draft_updated_in_place_and_finally_replaced_by_the_card() {
        // given
        Job job = askedInChannel();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));

        // when
        progress.status("Checking licences of 12 packages...");
        write(progress, SUMMARY, Duration.ofMillis(60));
        replier.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), parts("answer", "w1#1"));

        // then
        List<Call> posted = teams.connector.activitiesOfType("message");
        assertThat(posted).hasSize(1);
        assertThat(posted.getFirst().body().path("text").asText()).endsWith("Not");
        assertThat(posted.getFirst().replyToId()).isEqualTo("1700000000301");
        assertThat(streamed()).isEmpty();
        List<Call> updates = teams.connector.updates();
        assertThat(updates.size()).isGreaterThan(1);
        assertThat(updates).allSatisfy(update -> assertThat(update.replyToId()).isEqualTo(liveId()));
        JsonNode last = updates.getLast().body();
        assertThat(last.at("/attachments/0/content").toString()).contains("Critical blocker");
        assertThat(last.path("text").isMissingNode() || last.path("text").isNull())
                .isTrue();
        for (int i = 1; i < updates.size() - 1; i++) { // the reply's own update is not held back
            assertThat(Duration.between(updates.get(i - 1).at(), updates.get(i).at()))
                    .isGreaterThanOrEqualTo(INTERVAL.minusMillis(40));
        }
    }

    @Test
    void a_rejection_after_a_stream_ends_the_stream_instead_of_leaving_the_draft() {
        // given
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));
        write(progress, SUMMARY, Duration.ofMillis(30));

        // when: the answer turned out invalid and the user is told so
        replier.deliver(
                job.replyTo(),
                new Reply.Notice(Reply.Tone.REJECTED, "I could not give a valid answer; please ask again."),
                parts("answer", "w1#1"));

        // then
        List<Call> messages = teams.connector.activitiesOfType("message");
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().streamInfo().path("streamType").asText()).isEqualTo("final");
        assertThat(messages.getFirst().streamInfo().path("streamId").asText()).isEqualTo(liveId());
        assertThat(teams.connector.updates()).singleElement().satisfies(update -> {
            assertThat(update.replyToId()).isEqualTo(liveId());
            assertThat(update.body().toString())
                    .contains("I could not give a valid answer")
                    .doesNotContain("AIGeneratedContent");
        });
    }

    @Test
    void a_reclaimed_job_closes_its_dead_predecessors_stream_and_streams_nothing_beside_it() {
        // given: a worker streamed part of the answer and died
        Job job = askedInPersonalChat();
        AnswerProgress dead = replier(FAST).progress(job, parts("answer", "w1#1"));
        write(dead, SUMMARY, Duration.ofMillis(30));
        int typingBefore = streamed().size();

        // when: another worker takes the job over and gives up with an apology
        TeamsReplier next = replier(FAST);
        AnswerProgress progress = next.progress(job, parts("answer", "w2#2"));
        write(progress, SUMMARY, Duration.ofMillis(30));
        next.deliver(
                job.replyTo(),
                new Reply.Notice(Reply.Tone.FAILED, "Sorry, please ask again."),
                parts("apology", "w2#2"));

        // then: no second stream; the predecessor's stream ends with the apology
        assertThat(streamed()).hasSize(typingBefore);
        List<Call> messages = teams.connector.activitiesOfType("message");
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().streamInfo().path("streamId").asText()).isEqualTo(liveId());
        assertThat(messages.getFirst().body().toString()).contains("Sorry, please ask again.");
    }

    @Test
    void a_stream_teams_already_closed_is_replaced_by_an_update_with_the_answer() {
        // given: the stream outlived Teams' two minutes, so Teams refuses its final message
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        write(replier.progress(job, parts("answer", "w1#1")), SUMMARY, Duration.ofMillis(30));
        teams.connector.answer(
                call -> "final".equals(call.streamInfo().path("streamType").asText()), 403, 1);

        // when
        replier.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), parts("answer", "w1#1"));

        // then
        assertThat(teams.connector.updates()).hasSize(1);
        Call update = teams.connector.updates().getFirst();
        assertThat(update.replyToId()).isEqualTo(liveId());
        assertThat(update.body().at("/attachments/0/content").toString()).contains("Critical blocker");
        assertThat(teams.connector.activitiesOfType("message")).hasSize(1); // the refused final only
    }

    @Test
    void a_worker_that_died_after_ending_the_stream_is_not_followed_by_a_second_answer() {
        // given: the final message went out, and the worker died before recording it
        Job job = askedInPersonalChat();
        var dying = new WorkerDeath(record, "answer/activity-1");
        ReplyParts dyingParts = new ReplyParts(inquiry, "answer", dying, "w1#1");
        TeamsReplier first = replier(FAST);
        write(first.progress(job, dyingParts), SUMMARY, Duration.ofMillis(30));
        try {
            first.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), dyingParts);
        } catch (RetryableFailure expected) {
            // the worker is gone (the test's death reaches it through the connector call)
        }

        // when: the job is reclaimed and delivered again
        replier(FAST).deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), parts("answer", "w2#2"));

        // then: the stream ended and the answer written over it once; nothing is posted beside it or over it again
        assertThat(dying.died()).isTrue();
        assertThat(teams.connector.activitiesOfType("message"))
                .singleElement()
                .satisfies(m ->
                        assertThat(m.streamInfo().path("streamId").asText()).isEqualTo(liveId()));
        assertThat(teams.connector.updates())
                .singleElement()
                .satisfies(update -> assertThat(update.replyToId()).isEqualTo(liveId()));
    }

    @Test
    void too_many_requests_during_the_stream_hold_it_back_and_the_whole_answer_still_arrives() {
        // given: Bot Connector answers 429 to two streamed updates
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));
        teams.connector.answer(
                call -> "typing".equals(call.body().path("type").asText())
                        && call.streamInfo().has("streamId"),
                429,
                2);

        // when
        write(progress, (SUMMARY + " ").repeat(3).strip(), Duration.ofMillis(40));
        replier.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), parts("answer", "w1#1"));

        // then: quiet for the back-off after each 429, streaming again after it, and the final carries the card
        List<Call> typing = streamed();
        assertThat(typing.size()).isGreaterThan(3);
        assertThat(Duration.between(typing.get(1).at(), typing.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(360));
        assertStreamEndedAndTheAnswersCardWrittenOverIt();
    }

    @Test
    void teams_markup_in_a_draft_is_shown_as_text_as_the_card_shows_it() {
        // given
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));
        String hostile = "Ping <at>Everyone</at> <img src=x onerror=alert(1)> &amp; [open](javascript:alert(1))";

        // when
        progress.draft(summary(hostile));

        // then
        String streamed = streamed().getFirst().body().path("text").asText();
        assertThat(streamed)
                .contains("&lt;at&gt;Everyone&lt;/at&gt;", "&lt;img", "&amp;amp;", "\\[open\\]\\(javascript:")
                .doesNotContain("<at>", "<img", "[open](");
    }

    @Test
    void a_link_the_model_writes_in_a_status_or_a_draft_reads_as_typed_once_escaped() {
        // given
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));
        String link = "[Sign in again](https://login.evil.example)";

        // when
        progress.status("Checking " + link);
        pauseFor(INTERVAL);
        progress.draft(summary("Please " + link + " ![x](https://e) \\" + link));

        // then: escaped once: no link, and no doubled backslash that would undo the escape
        List<String> texts = streamed().stream()
                .map(call -> call.body().path("text").asText())
                .toList();
        assertThat(texts).hasSize(2);
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("Checking \\[Sign in again\\]"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("Please \\[Sign in again\\]\\(https"));
        assertThat(texts)
                .allSatisfy(
                        text -> assertThat(MarkdownLinks.canForm(text)).as(text).isFalse());
    }

    @Test
    void a_huge_draft_streams_within_teams_limits_and_the_final_message_still_fits() {
        // given: a model that writes 200 KB of summary
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));
        String huge = "<b>ö😀</b> ".repeat(20_000);

        // when
        progress.draft(summary(huge.substring(0, 9_999)));
        pauseFor(INTERVAL);
        progress.draft(summary(huge));
        replier.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), parts("answer", "w1#1"));

        // then: no request over Teams' ~28 KB, and the final message repeats exactly what was streamed
        assertThat(teams.connector.calls())
                .allSatisfy(call -> assertThat(call.body().toString().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThan(28_000));
        List<Call> typing = streamed();
        String streamed = typing.getLast().body().path("text").asText();
        assertThat(streamed.length()).isLessThanOrEqualTo(3_000 * "&lt;".length());
        Call last = teams.connector.activitiesOfType("message").getLast();
        assertThat(last.body().path("text").asText()).isEqualTo(streamed);
    }

    @Test
    void an_activity_id_from_bot_connector_is_encoded_into_the_update_path() {
        // given: Bot Connector (or whatever answers in its place) gives the live message a path-like id
        Job job = askedInChannel();
        String hostile = "../../v3/conversations/other/activities/x?y=1#z";
        teams.connector.answerIdsWith(
                call -> "message".equals(call.body().path("type").asText()) ? hostile : null);
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));

        // when
        write(progress, SUMMARY, Duration.ofMillis(40));

        // then: the update addresses exactly that id, as one encoded path segment, in the asked conversation
        Call update = teams.connector.updates().getFirst();
        assertThat(update.replyToId()).isEqualTo(hostile);
        assertThat(update.rawPath()).doesNotContain("/../", "?", "#", "/other/activities/x");
        assertThat(update.conversationId()).isEqualTo(TeamsFixture.CHANNEL + ";messageid=1700000000301");
    }

    @Test
    void past_the_stream_duration_limit_nothing_more_is_streamed_and_the_final_message_carries_the_answer() {
        // given: a stream allowed to last only 300 ms
        Job job = askedInPersonalChat();
        TeamsReplier replier =
                replier(new StreamLimits(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(300), 3_000));
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));

        // when: the model writes for longer
        write(progress, (SUMMARY + " ").repeat(3).strip(), Duration.ofMillis(40));
        replier.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), parts("answer", "w1#1"));

        // then
        List<Call> typing = streamed();
        assertThat(Duration.between(typing.getFirst().at(), typing.getLast().at()))
                .isLessThan(Duration.ofMillis(500));
        assertThat(teams.connector
                        .updates()
                        .getLast()
                        .body()
                        .at("/attachments/0/content")
                        .toString())
                .contains("Critical blocker");
    }

    @Test
    void the_channels_own_replier_streams_at_teams_pace_and_ends_with_the_card() {
        // given: the replier the Teams channel gives its workers, with Teams' own limits
        Job job = askedInPersonalChat();
        var replier = teams.channel.forWorkers().replier();
        ReplyParts answer = parts("answer", "w1#1");
        AnswerProgress progress = replier.progress(job, answer);

        // when: three drafts, the second well within Teams' pace, the third after it
        progress.draft(summary("Not ready"));
        progress.draft(summary("Not ready to launch"));
        pauseFor(StreamLimits.INTERVAL.plusMillis(100));
        progress.draft(summary("Not ready to launch: no replica."));
        replier.deliver(job.replyTo(), new Reply.Answer(TeamsReplierTest.ANSWER), answer);

        // then
        assertThat(streamed())
                .extracting(call -> call.body().path("text").asText())
                .containsExactly(
                        "## Executive Summary\n\nNot ready",
                        "## Executive Summary\n\nNot ready to launch: no replica.");
        assertThat(Duration.between(streamed().get(0).at(), streamed().get(1).at()))
                .isGreaterThanOrEqualTo(StreamLimits.INTERVAL);
        assertStreamEndedAndTheAnswersCardWrittenOverIt();
    }

    @Test
    void a_stream_too_long_to_carry_beside_the_card_ends_with_its_text_and_the_card_takes_its_place() {
        // given: 3,000 characters of four-byte text streamed, and an answer whose first card fills a message
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        ReplyParts answer = parts("answer", "w1#1");
        replier.progress(job, answer).draft(summary("😀".repeat(5_000)));

        // when
        replier.deliver(job.replyTo(), new Reply.Answer(Answers.withFindings(300)), answer);

        // then: the stream ends with the text it showed, then is updated to the first card; the others follow
        List<Call> messages = teams.connector.activitiesOfType("message");
        Call last = messages.getFirst();
        assertThat(last.streamInfo().path("streamType").asText()).isEqualTo("final");
        assertThat(last.body().path("text").asText())
                .isEqualTo(streamed().getLast().body().path("text").asText());
        assertThat(last.body().path("attachments").isEmpty()).isTrue();
        assertThat(teams.connector.updates()).singleElement().satisfies(update -> {
            assertThat(update.replyToId()).isEqualTo(liveId());
            assertThat(update.body().at("/attachments/0/content").toString()).contains("Part 1 of");
        });
        assertThat(messages.subList(1, messages.size()))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.streamInfo().isMissingNode()).isTrue());
        assertThat(teams.connector.calls())
                .allSatisfy(call -> assertThat(call.body().toString().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThan(28_000));
    }

    @Test
    void a_429_that_asks_for_longer_quiet_than_the_back_off_is_honoured() {
        // given: Bot Connector answers the first update after the stream began with 429 and Retry-After: 1
        Job job = askedInPersonalChat();
        TeamsReplier replier = replier(FAST);
        AnswerProgress progress = replier.progress(job, parts("answer", "w1#1"));
        teams.connector.answerTooManyRequests(call -> call.streamInfo().has("streamId"), 1, 1);

        // when
        write(progress, (SUMMARY + " ").repeat(3).strip(), Duration.ofMillis(40));

        // then: after the refused update, nothing for a second, then the stream goes on
        List<Call> typing = streamed();
        assertThat(typing.size()).isGreaterThan(2);
        // the fake stamps arrivals by the wall clock, the replier waits by the monotonic one: a few ms of slack
        assertThat(Duration.between(typing.get(1).at(), typing.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }
}
