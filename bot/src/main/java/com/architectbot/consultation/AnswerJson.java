package com.architectbot.consultation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON form of an answer, as the model returns it and as thread memory keeps it. */
public final class AnswerJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private AnswerJson() {}

    public static String write(ConsultationAnswer answer) {
        try {
            return MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer record always serialises", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not an answer; the message says what is wrong
     *     (never the text itself)
     */
    public static ConsultationAnswer read(String json) {
        try {
            return MAPPER.readValue(json, ConsultationAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid answer: " + e.getOriginalMessage(), e);
        } catch (NullPointerException e) { // a required field (summary, area, priority) is missing
            throw new IllegalArgumentException("not a valid answer: " + e.getMessage(), e);
        }
    }
}
