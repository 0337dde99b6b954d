package com.architectbot.teams;

import com.architectbot.consultation.PermanentFailure;
import com.architectbot.consultation.Reply;
import com.architectbot.consultation.ReplyTarget;
import com.architectbot.consultation.RetryableFailure;
import com.architectbot.queue.Replier;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a reply as a proactive message into the conversation the inquiry came from: for a channel,
 * the reply chain (the reference's conversation id keeps its {@code ;messageid=}).
 */
final class TeamsReplier implements Replier {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERRORS = 500;

    private final TeamsAdapter adapter;
    private final TeamsMessages messages;
    private final PendingExports exports;
    private final Duration timeout;

    TeamsReplier(TeamsAdapter adapter, TeamsMessages messages, PendingExports exports, Duration timeout) {
        this.adapter = adapter;
        this.messages = messages;
        this.exports = exports;
        this.timeout = timeout;
    }

    @Override
    public void deliver(ReplyTarget target, Reply reply) {
        ConversationReference reference = ReplyAddresses.reference(target);
        List<Activity> activities = reply instanceof Reply.Export export
                ? messages.export(export, keep(reference, export)) : messages.of(reply);
        send(reference, activities);
    }

    /** Sends into the conversation, as a reply to the activity the reference names. */
    void send(ConversationReference reference, List<Activity> activities) {
        String where = "Teams conversation via " + reference.getServiceUrl();
        try {
            adapter.continueConversation(adapter.botAppId(), reference, turn -> {
                        // the SDK gives the continuation a random id and would reply to that; reply to the question
                        turn.getActivity().setId(reference.getActivityId());
                        return turn.sendActivities(activities).thenApply(sent -> null);
                    })
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw failure(where, e.getCause());
        } catch (TimeoutException e) {
            throw new RetryableFailure("reply to " + where + " not accepted within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while replying to " + where, e);
        }
    }

    /** The file waits for the user's consent; only the user it was asked for may accept it. */
    private String keep(ConversationReference reference, Reply.Export export) {
        if (reference.getUser() == null || reference.getUser().getId() == null) {
            throw new PermanentFailure("I could not tell who asked for the export; please ask again.",
                    "Teams reply target names no user for an export", null);
        }
        String tenant = reference.getConversation().getTenantId();
        return exports.keep(new PendingExports.Pending(tenant == null || tenant.isBlank() ? TeamsInquiries.NO_TENANT : tenant,
                reference.getUser().getId(), export.fileName(), export.json()));
    }

    /** 429 and 5xx are worth retrying; other refusals (bot removed, conversation gone) are final. */
    private static RuntimeException failure(String where, Throwable cause) {
        Throwable root = cause;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof ErrorResponseException refused && refused.response() != null) {
            int status = refused.response().code();
            if (status != TOO_MANY_REQUESTS && status < SERVER_ERRORS) {
                return new PermanentFailure("I could not post my answer in Teams.",
                        "Bot Connector refused the reply to " + where + ": HTTP " + status, root);
            }
            return new RetryableFailure("Bot Connector answered HTTP " + status + " for " + where, root);
        }
        return new RetryableFailure("reply to " + where + " failed", root);
    }
}
