package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.InquiryId;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.RetryableFailure;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.render.Labels;
import com.architectbot.testing.Answers;
import com.architectbot.testing.FakeBotConnector;
import com.architectbot.testing.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class TeamsReplierTest {

    static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Not ready to launch: single points of failure remain.",
            List.of("The database has no replica."),
            List.of(new AreaAnalysis(Area.PRODUCTION_READINESS, List.of("No failover has been rehearsed."))),
            List.of(
                    new Recommendation("Add a streaming replica and rehearse failover.", Priority.CRITICAL_BLOCKER),
                    new Recommendation("Publish a status page.", Priority.FUTURE)),
            List.of("What is your recovery point objective?"));

    private final TeamsFixture teams = TeamsFixture.unauthenticated();

    @AfterEach
    void stop() {
        teams.close();
    }

    private ReplyTarget askedInChannel(String activityId) {
        teams.post(teams.channelMention(activityId, "Architect Bot", "Are we ready?"));
        return teams.queue.jobs.getLast().replyTo();
    }

    @Test
    void answer_is_delivered_as_an_adaptive_card_with_the_five_sections_into_the_reply_chain() {
        // given
        ReplyTarget target = askedInChannel("1700000000100");

        // when
        teams.channel.forWorkers().replier().deliver(target, new Reply.Answer(ANSWER), TestReplyParts.unrecorded());

        // then
        FakeBotConnector.Call reply =
                teams.connector.activitiesOfType("message").getFirst();
        assertThat(reply.conversationId()).isEqualTo(TeamsFixture.CHANNEL + ";messageid=1700000000100");
        assertThat(reply.replyToId()).isEqualTo("1700000000100");
        JsonNode attachment = reply.body().at("/attachments/0");
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").path("version").asText()).isEqualTo("1.5");
        assertThat(attachment.path("content").toString())
                .contains(
                        Labels.SUMMARY,
                        Labels.CRITICAL_ISSUES,
                        Labels.ANALYSIS,
                        Labels.RECOMMENDATIONS,
                        Labels.QUESTIONS,
                        "Critical blocker",
                        "Future consideration");
        assertThat(reply.body().at("/entities/0/additionalType/0").asText()).isEqualTo("AIGeneratedContent");
    }

    @Test
    void failure_notice_reaches_the_same_reply_chain_and_is_not_marked_as_ai() {
        // given
        ReplyTarget target = askedInChannel("1700000000101");

        // when
        teams.channel
                .forWorkers()
                .replier()
                .deliver(
                        target,
                        new Reply.Notice(
                                Reply.Tone.FAILED,
                                "Sorry: the model did not answer in time. Please ask again in a minute."),
                        TestReplyParts.unrecorded());

        // then
        FakeBotConnector.Call reply =
                teams.connector.activitiesOfType("message").getFirst();
        assertThat(reply.conversationId()).isEqualTo(TeamsFixture.CHANNEL + ";messageid=1700000000101");
        assertThat(reply.body().at("/attachments/0/content/body/0/color").asText())
                .isEqualTo("attention");
        assertThat(reply.body().path("summary").asText()).startsWith("Sorry: the model did not answer in time.");
        assertThat(reply.body().path("entities").isMissingNode()
                        || reply.body().path("entities").isEmpty())
                .isTrue();
    }

    @Test
    void connector_in_trouble_is_a_retryable_failure() {
        // given
        ReplyTarget target = askedInChannel("1700000000102");
        teams.connector.answerActivitiesWith(503);

        // when / then
        assertThatThrownBy(() -> teams.channel
                        .forWorkers()
                        .replier()
                        .deliver(target, new Reply.Answer(ANSWER), TestReplyParts.unrecorded()))
                .isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("503");
    }

    @Test
    void bot_removed_from_the_conversation_is_a_permanent_failure() {
        // given
        ReplyTarget target = askedInChannel("1700000000103");
        teams.connector.answerActivitiesWith(403);

        // when / then
        assertThatThrownBy(() -> teams.channel
                        .forWorkers()
                        .replier()
                        .deliver(target, new Reply.Answer(ANSWER), TestReplyParts.unrecorded()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("403");
    }

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisDeliveredParts record = TestReplyParts.recordedIn(redis);

    private static Reply.Answer longAnswer() {
        return new Reply.Answer(Answers.withFindings(300));
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }

    @Test
    void a_reclaimed_job_does_not_post_a_part_twice() {
        // given: a reply of several cards, the second of which Bot Connector refuses once
        ReplyTarget target = askedInChannel("1700000000104");
        var parts = new ReplyParts(new InquiryId("teams:1700000000104"), "answer", record);
        teams.connector.answerActivityWith(2, 403);
        assertThatThrownBy(() -> teams.channel.forWorkers().replier().deliver(target, longAnswer(), parts))
                .isInstanceOf(PermanentFailure.class);

        // when: the job is delivered again, and once more as if its worker died before marking it answered
        teams.channel.forWorkers().replier().deliver(target, longAnswer(), parts);
        teams.channel.forWorkers().replier().deliver(target, longAnswer(), parts);

        // then: every card went out once; only the refused one was sent twice
        List<String> sent = teams.connector.activitiesOfType("message").stream()
                .map(c -> c.body().path("summary").asText())
                .toList(); // "Part k of n" and its first line
        assertThat(sent.size()).isGreaterThan(2);
        assertThat(sent.subList(2, sent.size())).doesNotHaveDuplicates();
        assertThat(sent.get(1)).isEqualTo(sent.get(2));
        assertThat(sent.stream().filter(sent.getFirst()::equals)).hasSize(1);
    }

    @Test
    void a_part_in_doubt_is_sent_again_since_bot_connector_cannot_be_asked_for_it() {
        // given: a worker died mid-send; Bot Connector offers no way to read the conversation back
        ReplyTarget target = askedInChannel("1700000000105");
        var id = new InquiryId("teams:1700000000105");
        record.record(id, "answer/activity-1", new PartState.Sending());

        // when
        teams.channel
                .forWorkers()
                .replier()
                .deliver(target, new Reply.Answer(ANSWER), new ReplyParts(id, "answer", record));

        // then: sent (at least once beats never), and recorded with the id Bot Connector gave it
        assertThat(teams.connector.activitiesOfType("message")).hasSize(1);
        assertThat(record.state(id, "answer/activity-1"))
                .isInstanceOfSatisfying(
                        PartState.Sent.class,
                        sent -> assertThat(sent.messageId()).startsWith("reply-"));
    }
}
