package com.architectbot.slack;

import com.architectbot.core.PermanentFailure;
import com.architectbot.queue.ReplyParts;
import com.architectbot.slack.StreamedMessage.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Slack message an answer is shown in while it is written, in the thread the answer will go to. Slack's
 * native stream where it has one ({@code chat.startStream}, then {@code chat.appendStream} with only the new text);
 * where Slack refuses to start one (a channel type or workspace without streaming), a message posted once and
 * rewritten with {@code chat.update}. The message is recorded as the part {@value #PART} of the inquiry's reply
 * {@value #REPLY}, so any later reply of the inquiry (its answer, a rejection, an apology) finds and replaces it.
 *
 * <p>A native stream starts with no answer text (only a status line, or nothing): it is recorded before any of the
 * answer is appended, so a worker dying between Slack's start and the record leaves at most that line behind. A
 * message a predecessor (a worker that died) left is taken over: stopped if it streams, then rewritten.
 *
 * <p>Used from one thread at a time (the stream's sender); pacing is the caller's.
 */
final class SlackLiveMessage {

    static final String REPLY = "stream";
    static final String PART = "message";

    private static final Logger LOG = LoggerFactory.getLogger(SlackLiveMessage.class);

    private final SlackLiveCalls slack;
    private final boolean assistant;
    private final ReplyParts parts;
    private StreamedMessage message;
    private String shown = "";
    private String draftShown = "";
    private String statusShown = "";
    private boolean full;

    /** @param answer the parts of the reply the live message stands in for; the message is recorded beside them */
    SlackLiveMessage(SlackWebApi api, SlackLiveCalls.Place place, ReplyParts answer) {
        this.parts = streamOf(answer);
        this.slack = new SlackLiveCalls(api, place, parts, PART);
        this.assistant = place.assistant();
    }

    /** The record of the live message of the inquiry {@code answer} belongs to. */
    static ReplyParts streamOf(ReplyParts answer) {
        return new ReplyParts(answer.inquiry(), REPLY, answer.record(), answer.owner());
    }

    /**
     * Shows the answer as far as it is written.
     *
     * @param status the latest status line, blank for none
     * @param draft the draft's escaped Markdown, empty before the answer begins
     */
    void show(String status, String draft) {
        if (assistant && !status.equals(statusShown)) { // AI app threads show it under the bot's name
            slack.setStatus(status);
        }
        if (full) { // past the limit the message stops growing
            statusShown = status;
            return;
        }
        if (message == null) {
            open(status, draft);
        } else if (message.kind() == Kind.STREAM) {
            append(status, draft);
        } else {
            edit(status, draft);
        }
        statusShown = status;
    }

    private void open(String status, String draft) {
        String opening = assistant ? "" : SlackStreamText.status(status);
        if (opening.isEmpty() && draft.isEmpty()) {
            return; // nothing to show yet
        }
        boolean[] ours = {false};
        try {
            message = StreamedMessage.of(parts.once(PART, slack::lookup, () -> {
                ours[0] = true;
                return slack.start(opening).id();
            }));
        } catch (PermanentFailure refused) { // no streaming here: one message, edited
            LOG.info(
                    "Slack would not stream in {}, so one message is edited instead: {}",
                    slack.place().channel(),
                    refused.getMessage());
            String text = editable(status, draft);
            message = StreamedMessage.of(parts.once(PART, slack::lookup, () -> {
                ours[0] = true;
                return slack.post(text).id();
            }));
            shown = ours[0] ? text : "";
        }
        if (!ours[0]) {
            takeOver();
            edit(status, draft);
        } else if (message.kind() == Kind.STREAM) {
            shown = opening.isEmpty() ? "" : opening + "\n\n";
            statusShown = status;
            append(status, draft);
        }
    }

    /** A predecessor's message: its stream is stopped (it may hold a half answer), then the message is rewritten. */
    private void takeOver() {
        if (message.kind() == Kind.STREAM) {
            slack.stop(message.ts());
            message = new StreamedMessage(message.ts(), Kind.POST);
        }
        shown = "";
    }

    private void append(String status, String draft) {
        StringBuilder more = new StringBuilder();
        String line = assistant ? "" : SlackStreamText.status(status);
        if (draftShown.isEmpty() && draft.isEmpty() && !line.isEmpty() && !status.equals(statusShown)) {
            more.append(line).append("\n\n"); // before the answer begins; once it has, its text is the progress
        }
        boolean grows = draft.startsWith(draftShown);
        if (grows) { // a draft that starts over (a repaired answer) waits for the final reply
            more.append(draft, draftShown.length(), draft.length());
        }
        int room = SlackStreamText.MAX_CHARS - SlackStreamText.CONTINUED.length() - shown.length();
        String fitted = SlackStreamText.fitting(more.toString(), room);
        boolean cut = fitted.length() < more.length();
        String delta = cut ? fitted + SlackStreamText.CONTINUED : fitted;
        if (delta.isEmpty()) {
            return;
        }
        slack.append(message.ts(), delta);
        shown += delta;
        full = cut; // past the limit the stream stops growing; the final delivery posts the rest as further messages
        if (grows && !cut) {
            draftShown = draft;
        }
    }

    private void edit(String status, String draft) {
        String text = editable(status, draft);
        if (text.isEmpty() || text.equals(shown)) {
            return;
        }
        slack.update(message.ts(), text);
        shown = text;
    }

    /** The edited message's text within the limit; past it, the message stops growing and says more follows. */
    private String editable(String status, String draft) {
        String text = text(status, draft);
        if (text.length() <= SlackStreamText.MAX_CHARS) {
            return text;
        }
        full = true; // the final delivery posts the rest as further messages
        int room = SlackStreamText.MAX_CHARS - SlackStreamText.CONTINUED.length();
        return SlackStreamText.fitting(text, room) + SlackStreamText.CONTINUED;
    }

    /** The whole text of an edited message: the draft once it has begun, the status line before. */
    private static String text(String status, String draft) {
        return draft.isEmpty() ? SlackStreamText.status(status) : draft;
    }
}
