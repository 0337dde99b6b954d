package com.architectbot.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The activities of a live answer. In a personal chat, Teams' streaming protocol: {@code typing} activities whose
 * {@code streaminfo} entity says {@code informative} (a status line) or {@code streaming} (the answer's text so
 * far, whole each time), numbered from 1 and, after the first, naming the stream by the id Bot Connector gave the
 * first; then one {@code message} whose {@code streaminfo} says {@code final}, names the stream and has no number.
 * Elsewhere, a plain message that is later replaced. The stream's facts travel in the entity Teams documents and,
 * as Microsoft's own SDKs send them, in {@code channelData} too.
 */
final class StreamActivities {

    static final String STREAM_INFO = "streaminfo";
    static final String INFORMATIVE = "informative";
    static final String STREAMING = "streaming";
    static final String FINAL = "final";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamActivities() {}

    /**
     * An update of the stream.
     *
     * @param streamId null for the first, which starts the stream
     */
    static Activity update(String streamType, String text, int sequence, String streamId) {
        Activity typing = new Activity(ActivityTypes.TYPING);
        typing.setText(text);
        typing.setTextFormat(TextFormatTypes.MARKDOWN);
        ObjectNode info = NODES.objectNode().put("streamType", streamType).put("streamSequence", sequence);
        if (streamId != null) {
            info.put("streamId", streamId);
            typing.setId(streamId);
        }
        mark(typing, info);
        return typing;
    }

    /**
     * The stream's last message: the text it streamed (Teams refuses a final message whose text differs) under the
     * stream's id, with the reply's channel data (the feedback loop on an answer); the reply is then written over it.
     */
    static Activity last(String streamId, String text, Object channelData) {
        Activity last = text(text);
        last.setChannelData(channelData);
        last.setId(streamId);
        mark(last, NODES.objectNode().put("streamType", FINAL).put("streamId", streamId));
        return last;
    }

    /** A message of text only: the live answer where Teams offers no stream. */
    static Activity text(String text) {
        Activity message = Activity.createMessageActivity();
        message.setText(text);
        message.setTextFormat(TextFormatTypes.MARKDOWN);
        return message;
    }

    private static void mark(Activity activity, ObjectNode info) {
        Entity entity = new Entity();
        entity.setType(STREAM_INFO);
        info.fields().forEachRemaining(field -> entity.setProperties(field.getKey(), field.getValue()));
        List<Entity> entities = new ArrayList<>();
        entities.add(entity);
        if (activity.getEntities() != null) {
            entities.addAll(activity.getEntities());
        }
        activity.setEntities(entities);
        ObjectNode channelData = info.deepCopy();
        if (activity.getChannelData() instanceof Map<?, ?> earlier) { // e.g. the feedback loop asked on an answer
            earlier.forEach((name, value) -> channelData.putPOJO(String.valueOf(name), value));
        }
        activity.setChannelData(channelData);
    }
}
