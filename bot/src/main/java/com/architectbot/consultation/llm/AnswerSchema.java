package com.architectbot.consultation.llm;

import com.architectbot.core.answer.ConsultationAnswer;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of {@link ConsultationAnswer}, read from the record and the records and enums it is made
 * of: a component is a property of the same name, a {@code List} an array of its element type, an enum its
 * constants' names, a record a nested object. Adding a field to the record adds it to the schema. Only the
 * guidance for the model is written here, and a component without guidance fails the class's loading, so
 * a new field cannot reach the model unexplained. Every field is required (strict structured outputs
 * demand it); empty sections are empty arrays.
 */
public final class AnswerSchema {

    /** The top-level fields, in the order the persona's five sections come: the record's components. */
    public static final List<String> FIELDS = names(ConsultationAnswer.class);

    /** What the model is told about the answer and about each component ({@code Record.component}). */
    static final Map<String, String> GUIDANCE = Map.ofEntries(
            Map.entry("ConsultationAnswer", "A production architect's answer in five sections."),
            Map.entry(
                    "ConsultationAnswer.summary",
                    "Executive summary: the key findings and the top recommendation in 2-3 sentences."),
            Map.entry(
                    "ConsultationAnswer.criticalIssues",
                    "Critical issues that must be fixed before customers rely on this; empty if none."),
            Map.entry(
                    "ConsultationAnswer.analysis",
                    "Detailed analysis, one entry per expertise area that applies; omit the areas that do not."),
            Map.entry("ConsultationAnswer.recommendations", "Specific, actionable next steps, most important first."),
            Map.entry(
                    "ConsultationAnswer.questions",
                    "Questions about the business context that would sharpen the advice; empty if none."),
            Map.entry(
                    "ConsultationAnswer.sources",
                    "The company knowledge passages this answer relies on or departs from, as numbered in the"
                            + " question; empty when none was given or none applies."),
            Map.entry("Source.document", "The passage's document title, exactly as given."),
            Map.entry("Source.section", "The passage's section, exactly as given."),
            Map.entry("Source.link", "The passage's link as given, or empty."),
            Map.entry(
                    "Source.conflict",
                    "Empty, or where the answer departs from this company standard or accepted decision, and why."),
            Map.entry("AreaAnalysis.area", "The expertise area."),
            Map.entry("AreaAnalysis.findings", "What you found in this area, one finding per item."),
            Map.entry("Recommendation.text", "The next step, concrete enough to act on."),
            Map.entry(
                    "Recommendation.priority",
                    "CRITICAL_BLOCKER: must be fixed before launch, it blocks;"
                            + " BEFORE_LAUNCH: should be addressed before launch; FUTURE: a future consideration."));

    private static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("consultation_answer")
            .rootElement(object(ConsultationAnswer.class, GUIDANCE.get("ConsultationAnswer")))
            .build();

    private AnswerSchema() {}

    public static JsonSchema schema() {
        return SCHEMA;
    }

    /** JSON output constrained by the schema. */
    public static ResponseFormat responseFormat() {
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(SCHEMA)
                .build();
    }

    static JsonObjectSchema object(Class<?> record, String description) {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description);
        for (RecordComponent component : record.getRecordComponents()) {
            object.addProperty(component.getName(), element(component.getGenericType(), guidance(record, component)));
        }
        return object.required(names(record)).additionalProperties(false).build();
    }

    /** Texts, enums, records and lists of them: all an answer is made of. */
    private static JsonSchemaElement element(Type type, String description) {
        if (type == String.class) {
            return JsonStringSchema.builder().description(description).build();
        }
        if (type instanceof Class<?> enumType && enumType.isEnum()) {
            return JsonEnumSchema.builder()
                    .description(description)
                    .enumValues(constants(enumType))
                    .build();
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            return object(record, description);
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return JsonArraySchema.builder()
                    .description(description)
                    .items(element(list.getActualTypeArguments()[0], null))
                    .build();
        }
        throw new IllegalStateException("no JSON schema for " + type.getTypeName() + " in the answer");
    }

    private static String guidance(Class<?> record, RecordComponent component) {
        String key = record.getSimpleName() + "." + component.getName();
        String guidance = GUIDANCE.get(key);
        if (guidance == null) {
            throw new IllegalStateException(
                    "no guidance for the model on " + key + ": add it to AnswerSchema.GUIDANCE");
        }
        return guidance;
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .toList();
    }
}
