package com.architectbot.teams;

import com.architectbot.conversation.Surface;
import com.architectbot.core.ReplyTarget;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.util.Map;

/**
 * The conversation reference travels inside the job's {@link ReplyTarget} as JSON: the replier needs
 * nothing else, a redelivered job still knows where to answer, and no second Redis key (with its own
 * expiry and tenant namespace) has to be kept in step with the queue. A reference is under 1 KB.
 */
final class ReplyAddresses {

    static final String REFERENCE = "conversationReference";

    private ReplyAddresses() {}

    /** Where the answer to this activity goes: its reply chain (the conversation id keeps {@code ;messageid=}). */
    static ReplyTarget of(Activity activity) {
        ConversationReference reference = activity.getConversationReference();
        try {
            return new ReplyTarget(Surface.TEAMS, Map.of(REFERENCE, Serialization.toString(reference)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "conversation reference of " + activity.getId() + " is not serialisable", e);
        }
    }

    static ConversationReference reference(ReplyTarget target) {
        try {
            ConversationReference reference = Serialization.safeGetAs(
                    Serialization.jsonToTree(target.get(REFERENCE)), ConversationReference.class);
            if (reference == null || reference.getConversation() == null || reference.getServiceUrl() == null) {
                throw new IllegalArgumentException("Teams reply target has an incomplete conversation reference");
            }
            return reference;
        } catch (IOException e) {
            throw new IllegalArgumentException("Teams reply target holds no valid conversation reference", e);
        }
    }
}
