package com.architectbot.teams;

import com.architectbot.core.InquiryRules;
import com.architectbot.render.FollowUps;
import com.architectbot.teams.cards.AdaptiveCardFollowUps;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a message activity says: typed text, or a click on a suggested follow-up under an answer
 * ({@link AdaptiveCardFollowUps}), which arrives as a message whose {@code value} is {@code {"followUp": "..."}}
 * from the clicker, in the conversation (and reply chain) of the card. The value is hostile like any text: only that
 * shape is read, its question as the user's own words; anything else is ignored with a log line. A click, like a
 * mention, asks in a channel without naming the bot; it is always a question for the architect, never a command, so
 * no command (private or not) is taken from one.
 */
final class TeamsFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsFollowUps.class);

    private TeamsFollowUps() {}

    /**
     * What to do with a message: a typed one as the rules read it, a click as a question (never a command), or empty
     * for a value that is not a follow-up we offered.
     */
    static Optional<InquiryRules.Decision> decide(Activity message, InquiryRules rules) {
        if (message.getValue() == null) {
            return Optional.of(rules.decide(TeamsInquiries.toMessage(message)));
        }
        Optional<String> question = question(Serialization.objectToTree(message.getValue()));
        if (question.isEmpty()) {
            LOG.info(
                    "ignored a Teams message {} in tenant {}: its value is not a follow-up question of at most {} "
                            + "characters",
                    message.getId(),
                    TeamsInquiries.tenant(message),
                    FollowUps.MAX_QUESTION_CHARS);
            return Optional.empty();
        }
        return Optional.of(InquiryRules.followUp(question.get()));
    }

    private static Optional<String> question(JsonNode value) {
        if (value == null
                || !value.isObject()
                || !value.path(AdaptiveCardFollowUps.QUESTION_KEY).isTextual()) {
            return Optional.empty();
        }
        return FollowUps.clicked(value.get(AdaptiveCardFollowUps.QUESTION_KEY).asText());
    }
}
