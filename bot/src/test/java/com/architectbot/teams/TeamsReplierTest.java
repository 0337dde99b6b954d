package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.consultation.Area;
import com.architectbot.consultation.AreaAnalysis;
import com.architectbot.consultation.ConsultationAnswer;
import com.architectbot.consultation.PermanentFailure;
import com.architectbot.consultation.Priority;
import com.architectbot.consultation.Recommendation;
import com.architectbot.consultation.Reply;
import com.architectbot.consultation.ReplyTarget;
import com.architectbot.consultation.RetryableFailure;
import com.architectbot.render.Labels;
import com.architectbot.testing.FakeBotConnector;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeamsReplierTest {

    static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Not ready to launch: single points of failure remain.",
            List.of("The database has no replica."),
            List.of(new AreaAnalysis(Area.PRODUCTION_READINESS, List.of("No failover has been rehearsed."))),
            List.of(new Recommendation("Add a streaming replica and rehearse failover.", Priority.CRITICAL_BLOCKER),
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
        teams.channel.replier().deliver(target, new Reply.Answer(ANSWER));

        // then
        FakeBotConnector.Call reply = teams.connector.activitiesOfType("message").getFirst();
        assertThat(reply.conversationId()).isEqualTo(TeamsFixture.CHANNEL + ";messageid=1700000000100");
        assertThat(reply.replyToId()).isEqualTo("1700000000100");
        JsonNode attachment = reply.body().at("/attachments/0");
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").path("version").asText()).isEqualTo("1.5");
        assertThat(attachment.path("content").toString()).contains(Labels.SUMMARY, Labels.CRITICAL_ISSUES,
                Labels.ANALYSIS, Labels.RECOMMENDATIONS, Labels.QUESTIONS, "Critical blocker", "Future consideration");
        assertThat(reply.body().at("/entities/0/additionalType/0").asText()).isEqualTo("AIGeneratedContent");
    }

    @Test
    void failure_notice_reaches_the_same_reply_chain_and_is_not_marked_as_ai() {
        // given
        ReplyTarget target = askedInChannel("1700000000101");

        // when
        teams.channel.replier().deliver(target, new Reply.Notice(Reply.Tone.FAILED,
                "Sorry: the model did not answer in time. Please ask again in a minute."));

        // then
        FakeBotConnector.Call reply = teams.connector.activitiesOfType("message").getFirst();
        assertThat(reply.conversationId()).isEqualTo(TeamsFixture.CHANNEL + ";messageid=1700000000101");
        assertThat(reply.body().at("/attachments/0/content/body/0/color").asText()).isEqualTo("attention");
        assertThat(reply.body().path("summary").asText()).startsWith("Sorry: the model did not answer in time.");
        assertThat(reply.body().path("entities").isMissingNode() || reply.body().path("entities").isEmpty()).isTrue();
    }

    @Test
    void connector_in_trouble_is_a_retryable_failure() {
        // given
        ReplyTarget target = askedInChannel("1700000000102");
        teams.connector.answerActivitiesWith(503);

        // when / then
        assertThatThrownBy(() -> teams.channel.replier().deliver(target, new Reply.Answer(ANSWER)))
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("503");
    }

    @Test
    void bot_removed_from_the_conversation_is_a_permanent_failure() {
        // given
        ReplyTarget target = askedInChannel("1700000000103");
        teams.connector.answerActivitiesWith(403);

        // when / then
        assertThatThrownBy(() -> teams.channel.replier().deliver(target, new Reply.Answer(ANSWER)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("403");
    }
}
