package com.architectbot.teams;

import com.architectbot.conversation.Surface;
import com.architectbot.core.AnswerFeedback;
import com.architectbot.core.Feedback;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on Teams' thumbs up or down under an answer: the {@code message/submitAction} invoke whose
 * {@code value.actionName} is {@code feedback}. The rated message ({@code replyToId}) is looked up among the answer
 * activities this tenant's conversation was sent ({@link AnswerActivities}); one never sent records nothing. The
 * reaction must be {@code like} or {@code dislike}; the optional {@code feedback} is a JSON string whose
 * {@code feedbackText} is the comment. Answered with 200 once recorded or not found, 400 when malformed.
 */
final class TeamsAnswerRatings {

    static final String INVOKE_NAME = "message/submitAction";
    private static final String ACTION_NAME = "feedback";
    private static final String REPLY_CHAIN_MARKER = ";messageid=";

    private static final Logger LOG = LoggerFactory.getLogger(TeamsAnswerRatings.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnswerActivities activities;
    private final AnswerFeedback feedback;

    TeamsAnswerRatings(AnswerActivities activities, AnswerFeedback feedback) {
        this.activities = activities;
        this.feedback = feedback;
    }

    static boolean isFeedback(Activity invoke) {
        return INVOKE_NAME.equals(invoke.getName())
                && ACTION_NAME.equals(value(invoke).path("actionName").asText(""));
    }

    /** The conversation an activity belongs to, without the reply chain a channel's conversation id may name. */
    static String conversation(String conversationId) {
        int marker = conversationId.indexOf(REPLY_CHAIN_MARKER);
        return marker > 0 ? conversationId.substring(0, marker) : conversationId;
    }

    void onInvoke(TurnContext turn, Activity invoke) {
        JsonNode action = value(invoke).path("actionValue");
        Optional<Feedback.Rating> rating = rating(action.path("reaction").asText(""));
        String user = invoke.getFrom() == null ? null : invoke.getFrom().getId();
        String ratedId = invoke.getReplyToId();
        if (rating.isEmpty() || user == null || user.isBlank() || ratedId == null || ratedId.length() > 256) {
            LOG.warn("a Teams feedback invoke without a valid reaction, user or rated message got 400");
            answer(turn, HttpURLConnection.HTTP_BAD_REQUEST);
            return;
        }
        String tenant = TeamsInquiries.tenant(invoke);
        var inquiry = activities.inquiryOf(
                tenant, conversation(invoke.getConversation().getId()), ratedId);
        if (inquiry.isEmpty()) {
            LOG.info("Teams feedback on a message that is no answer of ours (or too old) in {}: ignored", tenant);
        } else {
            var outcome = feedback.record(new Feedback(
                    Surface.TEAMS, tenant, user, inquiry.get(), rating.get(), comment(action.path("feedback"))));
            LOG.info("feedback {} on {} in {}: {}", rating.get().id(), inquiry.get(), tenant, outcome);
        }
        answer(turn, HttpURLConnection.HTTP_OK);
    }

    private static Optional<Feedback.Rating> rating(String reaction) {
        return switch (reaction) {
            case "like" -> Optional.of(Feedback.Rating.UP);
            case "dislike" -> Optional.of(Feedback.Rating.DOWN);
            default -> Optional.empty();
        };
    }

    /**
     * {@code feedback} is a JSON string holding {@code feedbackText}; anything else is no comment. The body is bounded
     * by the server's request limit; {@link Feedback} caps the text.
     */
    private static Optional<String> comment(JsonNode feedback) {
        if (!feedback.isTextual()) {
            return Optional.empty();
        }
        try {
            JsonNode text = JSON.readTree(feedback.asText()).path("feedbackText");
            return text.isTextual() ? Optional.of(text.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static JsonNode value(Activity invoke) {
        return Objects.requireNonNullElse(Serialization.objectToTree(invoke.getValue()), JSON.missingNode());
    }

    private static void answer(TurnContext turn, int status) {
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(status, null));
        turn.sendActivity(response).join();
    }
}
