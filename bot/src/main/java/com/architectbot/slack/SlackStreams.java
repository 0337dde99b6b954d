package com.architectbot.slack;

import com.architectbot.core.InquiryId;
import com.architectbot.core.PermanentFailure;
import com.architectbot.core.answer.AnswerProgress;
import com.architectbot.queue.PartState;
import com.architectbot.queue.ReplyParts;
import com.architectbot.slack.blockkit.SlackMessage;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers being shown live in this process, one per inquiry, and the end of each: before a reply goes out, its
 * inquiry's live message is stopped and handed over to be replaced. The live message is found through the
 * inquiry's delivered parts, not through this process, so the reply of a reclaimed job (its first worker died)
 * replaces its predecessor's message too.
 */
final class SlackStreams {

    /** A live view's calls give up after this; the final delivery keeps the full delivery budget. */
    static final Duration LIVE_BUDGET = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SlackStreams.class);

    private final SlackWebApi api;
    private final SlackWebApi liveApi;
    private final SlackSentMessages sent;
    private final Map<InquiryId, SlackAnswerStream> live = new ConcurrentHashMap<>();

    SlackStreams(SlackWebApi api) {
        this.api = api;
        this.liveApi = api.within(LIVE_BUDGET);
        this.sent = new SlackSentMessages(api);
    }

    /** A live view of the answer to {@code answer}'s inquiry, in {@code place}; an earlier one here is ended. */
    AnswerProgress open(SlackLiveCalls.Place place, ReplyParts answer) {
        InquiryId id = answer.inquiry();
        SlackAnswerStream[] stream = new SlackAnswerStream[1];
        stream[0] =
                new SlackAnswerStream(new SlackLiveMessage(liveApi, place, answer), () -> live.remove(id, stream[0]));
        SlackAnswerStream earlier = live.put(id, stream[0]);
        if (earlier != null) {
            earlier.close();
        }
        return stream[0];
    }

    /**
     * Ends the live view of the reply's inquiry and returns the ts of its message for the reply's first part to
     * replace: a stream is stopped first. Empty when nothing was shown, or the first part is out already.
     */
    Optional<String> finish(MethodsClient client, String channel, String threadTs, ReplyParts reply, String first) {
        SlackAnswerStream stream = live.remove(reply.inquiry());
        if (stream != null) {
            stream.close();
        }
        if (reply.record().state(reply.inquiry(), reply.reply() + "/" + first) instanceof PartState.Sent) {
            return Optional.empty(); // the reply's first message is out: the live one was replaced already
        }
        ReplyParts parts = SlackLiveMessage.streamOf(reply);
        Optional<StreamedMessage> message = switch (parts.record()
                .state(parts.inquiry(), parts.reply() + "/" + SlackLiveMessage.PART)) {
            case PartState.Sent s -> Optional.of(StreamedMessage.of(s.messageId()));
            case PartState.Sending s -> // only a posted live message can be found; a stream in doubt holds no answer
                sent.find(client, channel, threadTs, parts, SlackLiveMessage.PART)
                        .map(ts -> new StreamedMessage(ts, StreamedMessage.Kind.POST));
            case PartState.Unsent u -> Optional.empty();
        };
        message.filter(m -> m.kind() == StreamedMessage.Kind.STREAM)
                .ifPresent(m -> SlackLiveCalls.stop(api, client, channel, m.ts()));
        return message.map(StreamedMessage::ts);
    }

    /**
     * Writes the reply's first message (its part {@code part}) over the live one {@code ts}, with the metadata a posted part carries. False
     * when Slack will not edit it (deleted meanwhile): the caller posts the message instead.
     */
    boolean replace(
            MethodsClient client,
            String channel,
            String threadTs,
            String ts,
            SlackMessage message,
            ReplyParts parts,
            String part) {
        try {
            parts.once(
                    part,
                    () -> sent.find(client, channel, threadTs, parts, part),
                    () -> api.call(
                                    "chat.update",
                                    () -> client.chatUpdate(r -> r.channel(channel)
                                            .ts(ts)
                                            .text(message.text())
                                            .blocks(message.blocks())
                                            .metadata(SlackSentMessages.metadata(parts, part))))
                            .getTs());
            return true;
        } catch (PermanentFailure refused) {
            LOG.info(
                    "the live message {} in {} could not be replaced, so the reply is posted: {}",
                    ts,
                    channel,
                    refused.getMessage());
            return false;
        }
    }
}
