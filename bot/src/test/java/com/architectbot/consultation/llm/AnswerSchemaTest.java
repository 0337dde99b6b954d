package com.architectbot.consultation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema follows the answer record: expectations here are read from {@link ConsultationAnswer} and its
 * parts, never written out, so the test holds when a field is added. (That today's schema is unchanged
 * on the wire: {@code LangChainArchitectTest}.)
 */
class AnswerSchemaTest {

    @Test
    void every_component_of_the_answer_and_its_parts_is_a_required_property_of_its_type_with_guidance() {
        Set<String> visited = new HashSet<>();

        assertMatches(
                ConsultationAnswer.class,
                (JsonObjectSchema) AnswerSchema.schema().rootElement(),
                visited);

        assertThat(visited).as("records checked").contains("ConsultationAnswer", "AreaAnalysis", "Recommendation");
        assertThat(AnswerSchema.FIELDS).containsExactlyElementsOf(names(ConsultationAnswer.class));
    }

    @Test
    void guidance_is_kept_only_for_components_that_exist() {
        Set<String> components = new HashSet<>(Set.of("ConsultationAnswer"));
        collectComponents(ConsultationAnswer.class, components);

        assertThat(AnswerSchema.GUIDANCE.keySet()).containsExactlyInAnyOrderElementsOf(components);
    }

    /** Stands in for the record with a field added and no guidance written for it. */
    record Recommendation(String text, Priority priority, String owner) {}

    @Test
    void a_field_added_without_guidance_for_the_model_stops_the_schema_being_built() {
        assertThatThrownBy(() -> AnswerSchema.object(Recommendation.class, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Recommendation.owner");
    }

    private static void assertMatches(Class<?> record, JsonObjectSchema object, Set<String> visited) {
        visited.add(record.getSimpleName());
        assertThat(object.properties().keySet()).containsExactlyElementsOf(names(record));
        assertThat(object.required()).containsExactlyElementsOf(names(record));
        assertThat(object.additionalProperties()).isFalse();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonSchemaElement property = object.properties().get(component.getName());
            assertThat(property.description())
                    .as("guidance for %s.%s", record.getSimpleName(), component.getName())
                    .isNotBlank();
            assertType(component.getGenericType(), property, visited);
        }
    }

    private static void assertType(Type type, JsonSchemaElement element, Set<String> visited) {
        if (type == String.class) {
            assertThat(element).isInstanceOf(JsonStringSchema.class);
        } else if (type instanceof Class<?> enumType && enumType.isEnum()) {
            assertThat(((JsonEnumSchema) element).enumValues())
                    .containsExactlyElementsOf(Arrays.stream(enumType.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .toList());
        } else if (type instanceof Class<?> record && record.isRecord()) {
            assertMatches(record, (JsonObjectSchema) element, visited);
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertType(list.getActualTypeArguments()[0], ((JsonArraySchema) element).items(), visited);
        } else {
            throw new AssertionError("the answer holds a type the schema does not know: " + type);
        }
    }

    private static void collectComponents(Type type, Set<String> out) {
        if (type instanceof Class<?> record && record.isRecord()) {
            for (RecordComponent component : record.getRecordComponents()) {
                out.add(record.getSimpleName() + "." + component.getName());
                collectComponents(component.getGenericType(), out);
            }
        } else if (type instanceof ParameterizedType list) {
            collectComponents(list.getActualTypeArguments()[0], out);
        }
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }
}
