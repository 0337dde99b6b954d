package com.architectbot.teams;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.InquiryId;
import com.architectbot.core.Reply;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.util.List;
import java.util.Map;

/**
 * Teams' built-in thumbs up and down on answers: each activity of a consultation's answer asks for the feedback loop
 * ({@code channelData.feedbackLoopEnabled}), and the id Bot Connector gives it is remembered with the inquiry, so the
 * {@code message/submitAction} invoke a click sends ({@link TeamsAnswerRatings}) can name the answer it rates.
 */
final class TeamsFeedbackLoop {

    /** What the replier records for a send Bot Connector answered without an id: nothing to remember. */
    private static final String NO_ID = "sent";

    private final AnswerActivities activities;

    TeamsFeedbackLoop(AnswerActivities activities) {
        this.activities = requireNonNull(activities, "activities");
    }

    /**
     * For an answer: turns the loop on in each activity and returns parts that remember each activity's id as it is
     * recorded sent. Any other reply: the parts unchanged.
     */
    ReplyParts watch(ConversationReference reference, Reply reply, List<Activity> sent, ReplyParts parts) {
        if (!(reply instanceof Reply.Answer)) {
            return parts;
        }
        sent.forEach(activity -> activity.setChannelData(Map.of("feedbackLoopEnabled", true)));
        String tenant = reference.getConversation().getTenantId();
        String conversation =
                TeamsAnswerRatings.conversation(reference.getConversation().getId());
        return new ReplyParts(
                parts.inquiry(),
                parts.reply(),
                new Remembering(
                        parts.record(),
                        tenant == null || tenant.isBlank() ? TeamsInquiries.NO_TENANT : tenant,
                        conversation),
                parts.owner());
    }

    /** The record of the parts, remembering each activity id before the part is recorded sent. */
    private final class Remembering implements DeliveredParts {
        private final DeliveredParts record;
        private final String tenant;
        private final String conversation;

        Remembering(DeliveredParts record, String tenant, String conversation) {
            this.record = record;
            this.tenant = tenant;
            this.conversation = conversation;
        }

        @Override
        public PartState state(InquiryId id, String part) {
            return record.state(id, part);
        }

        @Override
        public void record(InquiryId id, String part, PartState state) {
            if (state instanceof PartState.Sent sent && !NO_ID.equals(sent.messageId())) {
                activities.remember(tenant, conversation, sent.messageId(), id);
            }
            record.record(id, part, state);
        }

        @Override
        public boolean claim(InquiryId id, String part, PartState expected, PartState.Sending sending) {
            return record.claim(id, part, expected, sending);
        }
    }
}
