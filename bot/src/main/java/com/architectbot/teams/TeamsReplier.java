package com.architectbot.teams;

import com.architectbot.core.InquiryId;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.RetryableFailure;
import com.architectbot.queue.Replier;
import com.architectbot.queue.ReplyParts;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a reply as a proactive message into the conversation the inquiry came from: for a channel,
 * the reply chain (the reference's conversation id keeps its {@code ;messageid=}).
 *
 * <p>Each activity is one recorded part: sent with its Bot Connector id recorded, it is never sent again.
 * What Teams cannot promise is the part whose send was cut short (the worker died, or the connection broke,
 * after the POST left and before its answer came back): Bot Connector assigns activity ids itself, so none
 * can be recorded before the send, and it offers bots no way to read a conversation's activities to look
 * for it. Such a part is sent again, so in that window of one request a Teams reply may show twice but is
 * never lost; a refusal Bot Connector answered (4xx) is certain and is not in doubt.
 */
final class TeamsReplier implements Replier {

    private static final String PERSONAL = "personal";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERRORS = 500;

    private final TeamsAdapter adapter;
    private final TeamsMessages messages;
    private final PendingExports exports;
    private final Duration timeout;
    private final TeamsFeedbackLoop feedbackLoop;

    TeamsReplier(
            TeamsAdapter adapter,
            TeamsMessages messages,
            PendingExports exports,
            Duration timeout,
            TeamsFeedbackLoop feedbackLoop) {
        this.adapter = adapter;
        this.messages = messages;
        this.exports = exports;
        this.timeout = timeout;
        this.feedbackLoop = feedbackLoop;
    }

    @Override
    public void deliver(ReplyTarget target, Reply reply, ReplyParts parts) {
        ConversationReference reference = ReplyAddresses.reference(target);
        List<Activity> activities = switch (reply) {
            case Reply.Export export -> messages.export(export, keep(reference, export.fileName(), export.json()));
            case Reply.LicenceCheck check ->
                check.files().expected() ? licenceCheck(reference, check) : messages.of(check);
            case Reply.Answer answer -> messages.of(answer);
            case Reply.Notice notice -> messages.of(notice);
        };
        send(reference, activities, feedbackLoop.watch(reference, reply, activities, parts));
    }

    /**
     * A bot cannot post files into a channel or group chat: there the report says how to get them. In a personal
     * chat each file waits for the user's consent ({@link FileConsents}), as an export does. Only there are the
     * files made: in a channel they would be thrown away.
     */
    private List<Activity> licenceCheck(ConversationReference reference, Reply.LicenceCheck check) {
        if (!PERSONAL.equals(reference.getConversation().getConversationType())) {
            return messages.filesElsewhere(check);
        }
        var made = new Reply.LicenceCheck(check.report(), check.files().get());
        if (made.files().get().files().isEmpty()) {
            return messages.of(made); // the report says which could not be made
        }
        List<String> pendingIds = made.files().get().files().stream()
                .map(file -> keep(reference, file.name(), file.content()))
                .toList();
        return messages.licenceFiles(made, pendingIds);
    }

    /** Sends activities that belong to no queued job (a file card after a consent): nothing retries them. */
    void send(ConversationReference reference, List<Activity> activities) {
        send(reference, activities, ReplyParts.unrecorded(new InquiryId("teams-unqueued"), "reply"));
    }

    /** Sends into the conversation, as replies to the activity the reference names, one recorded part each. */
    private void send(ConversationReference reference, List<Activity> activities, ReplyParts parts) {
        String where = "Teams conversation via " + reference.getServiceUrl();
        long until = System.nanoTime() + timeout.toNanos(); // the SDK may run the sends on this thread: bound each
        try {
            adapter.continueConversation(adapter.botAppId(), reference, turn -> {
                        // the SDK gives the continuation a random id and would reply to that; reply to the question
                        turn.getActivity().setId(reference.getActivityId());
                        try {
                            for (int i = 0; i < activities.size(); i++) {
                                Activity activity = activities.get(i);
                                parts.once(
                                        "activity-" + (i + 1),
                                        ReplyParts.Lookup.NONE,
                                        () -> sendOne(turn, activity, where, until));
                            }
                            return CompletableFuture.<Void>completedFuture(null);
                        } catch (RuntimeException e) {
                            return CompletableFuture.<Void>failedFuture(e);
                        }
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

    /** Returns the id Bot Connector gave the activity; a refusal is typed here, so a certain one is not in doubt. */
    private String sendOne(TurnContext turn, Activity activity, String where, long untilNanos) {
        try {
            ResourceResponse sent =
                    turn.sendActivity(activity).get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return sent != null && sent.getId() != null ? sent.getId() : "sent";
        } catch (ExecutionException | CompletionException e) {
            throw failure(where, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new RetryableFailure("reply to " + where + " not accepted within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted while replying to " + where, e);
        }
    }

    /** The file waits for the user's consent; only the user it was asked for may accept it. */
    private String keep(ConversationReference reference, String fileName, String content) {
        if (reference.getUser() == null || reference.getUser().getId() == null) {
            throw new PermanentFailure(
                    "I could not tell who asked for the file; please ask again.",
                    "Teams reply target names no user for a file",
                    null);
        }
        String tenant = reference.getConversation().getTenantId();
        return exports.keep(new PendingExports.Pending(
                tenant == null || tenant.isBlank() ? TeamsInquiries.NO_TENANT : tenant,
                reference.getUser().getId(),
                fileName,
                content));
    }

    /** 429 and 5xx are worth retrying; other refusals (bot removed, conversation gone) are final. */
    private static RuntimeException failure(String where, Throwable cause) {
        Throwable root = cause;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof PermanentFailure || root instanceof RetryableFailure) { // typed by sendOne already
            return (RuntimeException) root;
        }
        if (root instanceof ErrorResponseException refused && refused.response() != null) {
            int status = refused.response().code();
            if (status != TOO_MANY_REQUESTS && status < SERVER_ERRORS) {
                return new PermanentFailure(
                        "I could not post my answer in Teams.",
                        "Bot Connector refused the reply to " + where + ": HTTP " + status,
                        root);
            }
            return new RetryableFailure("Bot Connector answered HTTP " + status + " for " + where, root);
        }
        return new RetryableFailure("reply to " + where + " failed", root);
    }
}
