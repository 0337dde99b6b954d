package com.architectbot.slack;

import com.architectbot.core.PermanentFailure;
import com.architectbot.queue.ReplyParts;
import com.architectbot.slack.StreamedMessage.Kind;
import com.slack.api.methods.MethodsClient;
import java.util.Objects;
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

    /** Where the message goes and who it is for: the recipient is required to stream outside a DM. */
    record Place(MethodsClient client, String channel, String threadTs, String team, String user, boolean assistant) {}

    private final SlackWebApi api;
    private final SlackSentMessages sent;
    private final Place place;
    private final ReplyParts parts;
    private StreamedMessage message;
    private String shown = "";
    private String draftShown = "";
    private String statusShown = "";
    private boolean full;

    /** @param answer the parts of the reply the live message stands in for; the message is recorded beside them */
    SlackLiveMessage(SlackWebApi api, Place place, ReplyParts answer) {
        this.api = api;
        this.sent = new SlackSentMessages(api);
        this.place = place;
        this.parts = streamOf(answer);
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
        if (place.assistant() && !status.equals(statusShown)) { // AI app threads show it under the bot's name
            setStatus(status);
        }
        if (full) {
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
        String opening = place.assistant() ? "" : SlackStreamText.status(status);
        if (opening.isEmpty() && draft.isEmpty()) {
            return; // nothing to show yet
        }
        boolean[] ours = {false};
        try {
            message = StreamedMessage.of(parts.once(PART, this::lookup, () -> {
                ours[0] = true;
                return start(opening).id();
            }));
        } catch (PermanentFailure refused) { // no streaming here: one message, edited
            LOG.info(
                    "Slack would not stream in {}, so one message is edited instead: {}",
                    place.channel(),
                    refused.getMessage());
            String text = editable(status, draft);
            message = StreamedMessage.of(parts.once(PART, this::lookup, () -> {
                ours[0] = true;
                return post(text).id();
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
            SlackStreams.stop(api, place.client(), place.channel(), message.ts());
            message = new StreamedMessage(message.ts(), Kind.POST);
        }
        shown = "";
    }

    private void append(String status, String draft) {
        StringBuilder more = new StringBuilder();
        String line = place.assistant() ? "" : SlackStreamText.status(status);
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
        api.call(
                "chat.appendStream",
                () -> place.client()
                        .chatAppendStream(
                                r -> r.channel(place.channel()).ts(message.ts()).markdownText(delta)));
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
        api.call(
                "chat.update",
                () -> place.client()
                        .chatUpdate(r -> r.channel(place.channel())
                                .ts(message.ts())
                                .markdownText(text)
                                .metadata(SlackSentMessages.metadata(parts, PART))));
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

    private StreamedMessage start(String opening) {
        var response = api.call(
                "chat.startStream",
                () -> place.client()
                        .chatStartStream(r -> r.channel(place.channel())
                                .threadTs(place.threadTs())
                                .recipientTeamId(place.team())
                                .recipientUserId(place.user())
                                .markdownText(opening.isEmpty() ? null : opening)));
        return new StreamedMessage(response.getTs(), Kind.STREAM);
    }

    private StreamedMessage post(String text) {
        var response = api.call(
                "chat.postMessage",
                () -> place.client()
                        .chatPostMessage(r -> r.channel(place.channel())
                                .threadTs(place.threadTs())
                                .markdownText(text)
                                .metadata(SlackSentMessages.metadata(parts, PART))
                                .unfurlLinks(false)
                                .unfurlMedia(false)));
        return new StreamedMessage(response.getTs(), Kind.POST);
    }

    /** Only a posted live message carries metadata to be found by; a stream in doubt is left (it holds no answer). */
    private java.util.Optional<String> lookup() {
        return sent.find(place.client(), place.channel(), place.threadTs(), parts, PART)
                .map(ts -> new StreamedMessage(ts, Kind.POST).id());
    }

    private void setStatus(String status) {
        try {
            api.call(
                    "assistant.threads.setStatus",
                    () -> place.client()
                            .assistantThreadsSetStatus(r -> r.channelId(place.channel())
                                    .threadTs(place.threadTs())
                                    .status(Objects.requireNonNullElse(status, ""))));
        } catch (RuntimeException e) { // cosmetic: the answer still streams
            LOG.debug("setting the assistant status in {} failed: {}", place.channel(), e.getMessage());
        }
    }
}
