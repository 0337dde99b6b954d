package com.architectbot.teams;

import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryRules;
import com.architectbot.queue.InquiryQueue;
import com.architectbot.queue.Job;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incoming activity: a message becomes a job on the queue (plus a typing indicator), the bot being
 * added to a conversation gets a welcome card. Nothing slow happens here: Teams re-sends what it has
 * not seen answered within about 15 s.
 */
final class TeamsTurns {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsTurns.class);
    /** The typing indicator is a courtesy; it must not hold up the acknowledgement. */
    private static final long TYPING_BUDGET_MS = 2_000;

    private final InquiryQueue queue;
    private final InquiryRules rules;
    private final TeamsMessages messages;
    private final Set<String> adminIds;
    private final FileConsents consents;
    private final TeamsAnswerRatings ratings;

    TeamsTurns(
            InquiryQueue queue,
            InquiryRules rules,
            TeamsMessages messages,
            Set<String> adminIds,
            FileConsents consents,
            TeamsAnswerRatings ratings) {
        this.queue = queue;
        this.rules = rules;
        this.messages = messages;
        this.adminIds = adminIds;
        this.consents = consents;
        this.ratings = ratings;
    }

    CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        switch (Objects.requireNonNullElse(activity.getType(), "")) {
            case ActivityTypes.MESSAGE -> onMessage(turn, activity);
            case ActivityTypes.CONVERSATION_UPDATE -> onConversationUpdate(turn, activity);
            case ActivityTypes.INVOKE -> onInvoke(turn, activity);
            default -> LOG.debug("ignored a Teams {} activity", activity.getType());
        }
        return CompletableFuture.completedFuture(null);
    }

    private void onMessage(TurnContext turn, Activity message) {
        Optional<InquiryRules.Decision> decision = TeamsFollowUps.decide(message, rules);
        if (decision.isEmpty()) {
            return; // a card click of a shape we never sent: logged
        }
        Inquiry inquiry;
        switch (decision.get()) {
            case InquiryRules.Refuse refuse -> {
                turn.sendActivity(MessageFactory.text(refuse.userMessage())).join();
                return;
            }
            case InquiryRules.Accept accept -> inquiry = TeamsInquiries.toInquiry(message, accept, adminIds);
        }
        // throws when the queue is away, so Teams re-sends; false for a re-send we already have
        if (!queue.enqueue(new Job(inquiry, ReplyAddresses.of(message)))) {
            LOG.info("already queued {}", inquiry);
            return;
        }
        LOG.info("queued {}", inquiry);
        sendTyping(turn);
    }

    /** File consents and feedback on answers are handled; the SDK answers any other invoke with 501. */
    private void onInvoke(TurnContext turn, Activity invoke) {
        if (FileConsents.isFileConsent(invoke)) {
            consents.onInvoke(turn, invoke);
        } else if (TeamsAnswerRatings.isFeedback(invoke)) {
            ratings.onInvoke(turn, invoke);
        } else {
            LOG.warn(
                    "a Teams invoke '{}' got 501: only {} and feedback ({}) are handled",
                    invoke.getName(),
                    FileConsents.INVOKE_NAME,
                    TeamsAnswerRatings.INVOKE_NAME);
        }
    }

    private void onConversationUpdate(TurnContext turn, Activity update) {
        String botId =
                update.getRecipient() == null ? null : update.getRecipient().getId();
        boolean botAdded = Objects.requireNonNullElse(update.getMembersAdded(), List.<ChannelAccount>of()).stream()
                .anyMatch(member -> Objects.equals(member.getId(), botId));
        if (botAdded) {
            turn.sendActivity(messages.welcome()).join();
            LOG.info("welcomed conversation in tenant {}", TeamsInquiries.tenant(update));
        }
    }

    private static void sendTyping(TurnContext turn) {
        try {
            turn.sendActivity(Activity.createTypingActivity()).get(TYPING_BUDGET_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("typing indicator not delivered: {}", e.toString());
        }
    }
}
