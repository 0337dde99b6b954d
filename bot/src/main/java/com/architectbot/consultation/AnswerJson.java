package com.architectbot.consultation;

import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one JSON form of a {@link ConsultationAnswer}: what the model is asked to reply with and what a
 * thread remembers as the answer of a {@code Turn}. Reading is lenient where models are sloppy (enum
 * case and spacing, unknown fields, a Markdown fence around the object) and strict where a renderer
 * would suffer (a missing or blank summary, an area or priority that is not ours).
 */
public final class AnswerJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("lenient-enums").setDeserializerModifier(new LenientEnums()))
            .build();

    private AnswerJson() {}

    /** The answer as compact JSON with the enum names as written in {@link Area} and {@link Priority}. */
    public static String toJson(ConsultationAnswer answer) {
        try {
            return MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a consultation answer", e);
        }
    }

    /**
     * Reads an answer.
     *
     * @throws IllegalArgumentException when the text is not a consultation answer; the message says where
     *     and why, without repeating the text
     */
    public static ConsultationAnswer fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the reply is empty");
        }
        try {
            ConsultationAnswer answer = MAPPER.readValue(withoutFence(json), ConsultationAnswer.class);
            if (answer == null || answer.summary().isBlank()) {
                throw new IllegalArgumentException("the summary is empty");
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /**
     * Reads one complete part of an answer (an area's analysis, a recommendation) as leniently as a whole answer.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static <T> T readPart(String json, Class<T> type) {
        try {
            T part = MAPPER.readValue(json, type);
            if (part == null) {
                throw new IllegalArgumentException("null where " + type.getSimpleName() + " belongs");
            }
            return part;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /** Models sometimes wrap the object in a Markdown code fence despite being told not to. */
    private static String withoutFence(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("```")) {
            return trimmed;
        }
        int firstLineEnd = trimmed.indexOf('\n');
        int closing = trimmed.lastIndexOf("```");
        return firstLineEnd < 0 || closing <= firstLineEnd ? trimmed : trimmed.substring(firstLineEnd + 1, closing);
    }

    /** Where and what kind of problem, never the text itself: the reply may quote the question. */
    private static String describe(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root instanceof NullPointerException npe
                ? "required field missing: " + npe.getMessage()
                : e instanceof JsonMappingException ? "invalid value" : "not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return reason + " at " + path(mapping);
        }
        JsonLocation at = e.getLocation();
        return at == null ? reason : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Every enum of the answer ({@link Area}, {@link Priority} and any added later) is read leniently. */
    private static final class LenientEnums extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription description,
                JsonDeserializer<?> standard) {
            return new LenientEnum(type.getRawClass());
        }
    }

    /** Accepts {@code "before launch"}, {@code "Before-Launch"} or {@code "should address before launch"}. */
    private static final class LenientEnum extends JsonDeserializer<Enum<?>> {
        private final Class<?> type;

        LenientEnum(Class<?> type) {
            this.type = type;
        }

        @Override
        public Enum<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String raw = parser.getValueAsString();
            String key = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
            return find(constant -> constant.name().equals(key))
                    .or(() -> find(constant -> key.contains(constant.name())))
                    .orElseThrow(() -> context.weirdStringException(
                            raw, type, "not one of " + Arrays.toString(type.getEnumConstants())));
        }

        private Optional<Enum<?>> find(Predicate<Enum<?>> test) {
            return Arrays.stream(type.getEnumConstants())
                    .<Enum<?>>map(constant -> (Enum<?>) constant)
                    .filter(test)
                    .findFirst();
        }
    }
}
