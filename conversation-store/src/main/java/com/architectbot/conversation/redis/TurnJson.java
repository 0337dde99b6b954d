package com.architectbot.conversation.redis;

import com.architectbot.conversation.Turn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored turn as JSON, the form {@link RedisThreadMemory} writes and both it and
 * {@link RedisConversationRecords} read. Fields it does not know are ignored, so a turn written by a newer
 * release still reads.
 */
final class TurnJson {

    private static final Logger log = LoggerFactory.getLogger(TurnJson.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TurnJson() {}

    static String write(Turn turn) {
        try {
            return JSON.writeValueAsString(turn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + turn + " as JSON", e);
        }
    }

    /** Reads stored turns, skipping the ones that cannot be read. */
    static List<Turn> read(List<String> raw) {
        var turns = new ArrayList<Turn>(raw.size());
        for (String text : raw) {
            try {
                turns.add(JSON.readValue(text, Turn.class));
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                // one unreadable entry must not make the whole thread unusable; the body is not logged
                log.warn("skipping an unreadable stored turn: {}", e.getClass().getSimpleName());
            }
        }
        return turns;
    }
}
