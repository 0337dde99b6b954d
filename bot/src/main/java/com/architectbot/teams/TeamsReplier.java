package com.architectbot.teams;

import com.architectbot.core.InquiryId;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.queue.Job;
import com.architectbot.queue.Replier;
import com.architectbot.queue.ReplyParts;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Posts a reply as a proactive message into the conversation the inquiry came from: for a channel,
 * the reply chain (the reference's conversation id keeps its {@code ;messageid=}).
 *
 * <p>While a consultation is written, {@link #progress} shows it live ({@link TeamsAnswerStream}): streamed in a
 * personal chat, one message updated elsewhere. The reply's first message then takes the live message's place
 * ({@link LiveAnswerEnd}), whichever reply it is (the answer, a rejection, an apology) and whichever worker sends it.
 *
 * <p>Each activity is one recorded part: sent with its Bot Connector id recorded, it is never sent again.
 * What Teams cannot promise is the part whose send was cut short (the worker died, or the connection broke,
 * after the POST left and before its answer came back): Bot Connector assigns activity ids itself, so none
 * can be recorded before the send, and it offers bots no way to read a conversation's activities to look
 * for it. Such a part is sent again, so in that window of one request a Teams reply may show twice but is
 * never lost; a refusal Bot Connector answered (4xx) is certain and is not in doubt.
 */
final class TeamsReplier implements Replier {

    static final String PERSONAL = "personal";
    /** Live answers of jobs in progress on this process, by inquiry and owner, until their reply is delivered. */
    private static final int MAX_LIVE = 1_000;

    private final TeamsConversation conversation;
    private final TeamsMessages messages;
    private final PendingExports exports;
    private final StreamLimits limits;
    private final TeamsFeedbackLoop feedbackLoop;
    private final Map<String, TeamsAnswerStream> live = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TeamsAnswerStream> eldest) {
            return size() > MAX_LIVE; // a job that failed here is retried elsewhere: forget its view
        }
    });

    TeamsReplier(
            TeamsAdapter adapter,
            TeamsMessages messages,
            PendingExports exports,
            Duration timeout,
            TeamsFeedbackLoop feedbackLoop) {
        this(new TeamsConversation(adapter, timeout), messages, exports, StreamLimits.TEAMS, feedbackLoop);
    }

    TeamsReplier(
            TeamsConversation conversation,
            TeamsMessages messages,
            PendingExports exports,
            StreamLimits limits,
            TeamsFeedbackLoop feedbackLoop) {
        this.conversation = conversation;
        this.messages = messages;
        this.exports = exports;
        this.limits = limits;
        this.feedbackLoop = feedbackLoop;
    }

    @Override
    public AnswerProgress progress(Job job, ReplyParts parts) {
        ConversationReference reference = ReplyAddresses.reference(job.replyTo());
        boolean personal = PERSONAL.equals(reference.getConversation().getConversationType());
        var stream = new TeamsAnswerStream(conversation, reference, parts, personal, limits, System::nanoTime);
        live.put(key(parts), stream);
        return stream;
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
            case Reply.Decision decision -> messages.of(decision);
        };
        TeamsAnswerStream stream = live.remove(key(parts));
        if (stream != null) {
            stream.stop();
        }
        var end = new LiveAnswerEnd(reference, parts, stream == null ? "" : stream.shown());
        send(reference, activities, feedbackLoop.watch(reference, reply, activities, parts), end);
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
        ReplyParts parts = ReplyParts.unrecorded(new InquiryId("teams-unqueued"), "reply");
        send(reference, activities, parts, new LiveAnswerEnd(reference, parts, ""));
    }

    /**
     * Sends into the conversation, as replies to the activity the reference names, one recorded part each; the
     * first takes the place of the inquiry's live answer, if one is still open.
     */
    private void send(ConversationReference reference, List<Activity> activities, ReplyParts parts, LiveAnswerEnd end) {
        conversation.call(reference, calls -> {
            for (int i = 0; i < activities.size(); i++) {
                Activity activity = activities.get(i);
                Supplier<String> post = i == 0 ? () -> end.firstMessage(calls, activity) : () -> calls.send(activity);
                parts.once("activity-" + (i + 1), ReplyParts.Lookup.NONE, post);
            }
            return null;
        });
    }

    private static String key(ReplyParts parts) {
        return parts.inquiry().value() + "|" + parts.owner();
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
}
