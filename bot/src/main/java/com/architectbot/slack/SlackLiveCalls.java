package com.architectbot.slack;

import com.architectbot.core.PermanentFailure;
import com.architectbot.queue.ReplyParts;
import com.architectbot.slack.StreamedMessage.Kind;
import com.slack.api.methods.MethodsClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls of one live message, in one place (its thread), each through {@link SlackWebApi}: a failure is
 * typed like any delivery's. A posted live message carries the metadata of its part, so a successor can find it.
 */
final class SlackLiveCalls {

    private static final Logger LOG = LoggerFactory.getLogger(SlackLiveCalls.class);

    /** Where the message goes and who it is for: Slack needs the recipient to stream outside a DM. */
    record Place(MethodsClient client, String channel, String threadTs, String team, String user, boolean assistant) {}

    private final SlackWebApi api;
    private final SlackSentMessages sent;
    private final Place place;
    private final ReplyParts parts;
    private final String part;

    SlackLiveCalls(SlackWebApi api, Place place, ReplyParts parts, String part) {
        this.api = api;
        this.sent = new SlackSentMessages(api);
        this.place = place;
        this.parts = parts;
        this.part = part;
    }

    Place place() {
        return place;
    }

    /** Starts a native stream, with an opening line or none. */
    StreamedMessage start(String opening) {
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

    void append(String ts, String markdown) {
        api.call(
                "chat.appendStream",
                () -> place.client()
                        .chatAppendStream(r -> r.channel(place.channel()).ts(ts).markdownText(markdown)));
    }

    /** Posts the message to be edited where Slack will not stream. */
    StreamedMessage post(String markdown) {
        var response = api.call(
                "chat.postMessage",
                () -> place.client()
                        .chatPostMessage(r -> r.channel(place.channel())
                                .threadTs(place.threadTs())
                                .markdownText(markdown)
                                .metadata(SlackSentMessages.metadata(parts, part))
                                .unfurlLinks(false)
                                .unfurlMedia(false)));
        return new StreamedMessage(response.getTs(), Kind.POST);
    }

    void update(String ts, String markdown) {
        api.call(
                "chat.update",
                () -> place.client()
                        .chatUpdate(r -> r.channel(place.channel())
                                .ts(ts)
                                .markdownText(markdown)
                                .metadata(SlackSentMessages.metadata(parts, part))));
    }

    /** Stops a stream; one already stopped (by a predecessor, or by Slack after a while) is no failure. */
    static void stop(SlackWebApi api, MethodsClient client, String channel, String ts) {
        try {
            api.call(
                    "chat.stopStream",
                    () -> client.chatStopStream(r -> r.channel(channel).ts(ts)));
        } catch (PermanentFailure e) {
            LOG.debug("stopping the stream {} in {}: {}", ts, channel, e.getMessage());
        }
    }

    void stop(String ts) {
        stop(api, place.client(), place.channel(), ts);
    }

    /** Only a posted live message carries metadata to be found by; a stream in doubt holds no answer to find. */
    Optional<String> lookup() {
        return sent.find(place.client(), place.channel(), place.threadTs(), parts, part)
                .map(ts -> new StreamedMessage(ts, Kind.POST).id());
    }

    /** The AI app thread's status under the bot's name; cosmetic, so a failure only logs. */
    void setStatus(String status) {
        try {
            api.call(
                    "assistant.threads.setStatus",
                    () -> place.client()
                            .assistantThreadsSetStatus(r -> r.channelId(place.channel())
                                    .threadTs(place.threadTs())
                                    .status(status)));
        } catch (RuntimeException e) {
            LOG.debug("setting the assistant status in {} failed: {}", place.channel(), e.getMessage());
        }
    }
}
