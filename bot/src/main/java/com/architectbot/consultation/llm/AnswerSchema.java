package com.architectbot.consultation.llm;

import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.Priority;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON schema of {@code ConsultationAnswer}, written by hand so each field carries guidance for the
 * model. Every field is required (strict structured outputs demand it); empty sections are empty arrays.
 */
public final class AnswerSchema {

    /** The top-level fields, in the order the persona's five sections come. */
    public static final List<String> FIELDS =
            List.of("summary", "criticalIssues", "analysis", "recommendations", "questions");

    private static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("consultation_answer")
            .rootElement(JsonObjectSchema.builder()
                    .description("A production architect's answer in five sections.")
                    .addProperty(FIELDS.get(0), text(
                            "Executive summary: the key findings and the top recommendation in 2-3 sentences."))
                    .addProperty(FIELDS.get(1), texts(
                            "Critical issues that must be fixed before customers rely on this; empty if none."))
                    .addProperty(FIELDS.get(2), JsonArraySchema.builder()
                            .description("Detailed analysis, one entry per expertise area that applies; omit the"
                                    + " areas that do not.")
                            .items(areaAnalysis())
                            .build())
                    .addProperty(FIELDS.get(3), JsonArraySchema.builder()
                            .description("Specific, actionable next steps, most important first.")
                            .items(recommendation())
                            .build())
                    .addProperty(FIELDS.get(4), texts(
                            "Questions about the business context that would sharpen the advice; empty if none."))
                    .required(FIELDS)
                    .additionalProperties(false)
                    .build())
            .build();

    private AnswerSchema() {}

    public static JsonSchema schema() {
        return SCHEMA;
    }

    /** JSON output constrained by the schema. */
    public static ResponseFormat responseFormat() {
        return ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(SCHEMA).build();
    }

    private static JsonSchemaElement areaAnalysis() {
        return JsonObjectSchema.builder()
                .addProperty("area", JsonEnumSchema.builder()
                        .description("The expertise area.")
                        .enumValues(names(Area.values()))
                        .build())
                .addProperty("findings", texts("What you found in this area, one finding per item."))
                .required("area", "findings")
                .additionalProperties(false)
                .build();
    }

    private static JsonSchemaElement recommendation() {
        return JsonObjectSchema.builder()
                .addProperty("text", text("The next step, concrete enough to act on."))
                .addProperty("priority", JsonEnumSchema.builder()
                        .description("CRITICAL_BLOCKER: must be fixed before launch, it blocks; BEFORE_LAUNCH:"
                                + " should be addressed before launch; FUTURE: a future consideration.")
                        .enumValues(names(Priority.values()))
                        .build())
                .required("text", "priority")
                .additionalProperties(false)
                .build();
    }

    private static JsonSchemaElement text(String description) {
        return JsonStringSchema.builder().description(description).build();
    }

    private static JsonSchemaElement texts(String description) {
        return JsonArraySchema.builder().description(description).items(new JsonStringSchema()).build();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
