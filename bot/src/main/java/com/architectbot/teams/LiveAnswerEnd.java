package com.architectbot.teams;

import com.architectbot.core.InquiryId;
import com.architectbot.queue.DeliveredParts;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a reply's first message in the place of the inquiry's live answer, if one was opened and no reply has
 * taken its place yet: so that no half answer stays beside a whole one, whichever reply comes (answer, rejection,
 * apology) and whichever worker sends it. Taking its place is recorded as the live answer's own part
 * ({@value #CLOSED}, and which reply took it), so a redelivery of that reply finds it there, and a later reply (an
 * apology after a failed delivery) posts as usual.
 *
 * <p>A stream (personal chat) ends with its final message, carrying the text the stream showed and the stream's id;
 * then, as a posted live message is, the streamed message is replaced by an update with the reply's message, so the
 * answer shows once, as its card. When Teams refuses the update, the reply is posted as a new message, so it is never
 * lost.
 */
final class LiveAnswerEnd {

    /** The live answer's part that records which reply took its place. */
    static final String CLOSED = "closed";

    private static final Logger log = LoggerFactory.getLogger(LiveAnswerEnd.class);

    private final ConversationReference reference;
    private final ReplyParts parts;
    private final String shown;

    /** @param shown the text the stream showed, when this process streamed it; empty when unknown */
    LiveAnswerEnd(ConversationReference reference, ReplyParts parts, String shown) {
        this.reference = reference;
        this.parts = parts;
        this.shown = shown;
    }

    /** Sends the reply's first message; returns its id (the live message's, when it took its place). */
    String firstMessage(TeamsConversation.Calls calls, Activity activity) {
        DeliveredParts record = parts.record();
        InquiryId inquiry = parts.inquiry();
        String stream = TeamsAnswerStream.STREAM + "/";
        String closedHere = stream + CLOSED + "-by-" + parts.reply();
        if (record.state(inquiry, closedHere) instanceof PartState.Sent done) { // its record was cut short
            return done.messageId();
        }
        if (!(record.state(inquiry, stream + TeamsAnswerStream.MESSAGE) instanceof PartState.Sent live)
                || record.state(inquiry, stream + CLOSED) instanceof PartState.Sent) {
            return calls.send(activity);
        }
        var liveParts = new ReplyParts(inquiry, TeamsAnswerStream.STREAM, record, parts.owner());
        return liveParts.once(CLOSED, ReplyParts.Lookup.NONE, () -> {
            String id = replace(calls, live.messageId(), activity);
            record.record(inquiry, closedHere, new PartState.Sent(id)); // which reply it was, for a redelivery
            return id;
        });
    }

    private String replace(TeamsConversation.Calls calls, String liveId, Activity activity) {
        if (TeamsReplier.PERSONAL.equals(reference.getConversation().getConversationType())) {
            finish(calls, liveId, activity);
        }
        try {
            calls.update(liveId, Activity.clone(activity));
            return liveId;
        } catch (TeamsConversation.Refused refused) {
            log.warn("the live answer could not be replaced, so the reply follows it: {}", refused.getMessage());
            return calls.send(activity);
        }
    }

    /**
     * Ends the stream with the text it showed (Teams refuses a final message whose text differs), so that the update
     * that follows puts the reply's card in its place: carried on the final message beside the streamed text, the
     * card would show the answer twice.
     */
    private void finish(TeamsConversation.Calls calls, String streamId, Activity activity) {
        String text = shown.isEmpty() ? firstLine(activity) : shown;
        try {
            calls.send(StreamActivities.last(streamId, text, activity.getChannelData()));
        } catch (TeamsConversation.Refused refused) {
            log.info("the stream could not be ended, so the reply replaces it: {}", refused.getMessage());
        }
    }

    /** What a final message says when what the stream showed is not known here: the reply's preview. */
    private static String firstLine(Activity activity) {
        String summary = activity.getSummary();
        return summary == null || summary.isBlank() ? "…" : StreamText.plain(summary);
    }
}
