package com.architectbot.teams;

import com.architectbot.core.InquiryId;
import java.util.Optional;

/**
 * Which inquiry a bot message in Teams answered: Teams' feedback loop names only the rated message's activity id
 * ({@code replyToId}), so the replier remembers it for each answer activity it sends. Keyed by tenant, conversation
 * and activity id; kept as long as an answer can be rated.
 */
public interface AnswerActivities {

    void remember(String tenant, String conversation, String activityId, InquiryId inquiry);

    /** The inquiry whose answer this activity was, if this tenant's conversation sent it and it is still kept. */
    Optional<InquiryId> inquiryOf(String tenant, String conversation, String activityId);

    /** Remembers nothing: for tests of other parts. */
    AnswerActivities NONE = new AnswerActivities() {
        @Override
        public void remember(String tenant, String conversation, String activityId, InquiryId inquiry) {}

        @Override
        public Optional<InquiryId> inquiryOf(String tenant, String conversation, String activityId) {
            return Optional.empty();
        }
    };
}
