package com.architectbot.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private static final Path SHIPPED = Path.of("src/main/resources/prompts");

    @Test
    void every_shipped_prompt_is_listed_and_renders_without_placeholders_left() throws IOException {
        // given
        List<String> files;
        try (Stream<Path> paths = Files.list(SHIPPED)) {
            files = paths.map(p -> p.getFileName().toString().replaceFirst("\\.md$", ""))
                    .sorted()
                    .toList();
        }
        // then
        assertThat(files).containsExactlyInAnyOrderElementsOf(Prompts.ALL);
        for (String name : files) {
            Map<String, String> values =
                    Prompts.variables(name).stream().collect(Collectors.toMap(Function.identity(), v -> "<" + v + ">"));
            String rendered = Prompts.render(name, values);
            assertThat(rendered).as(name).isNotBlank().doesNotContain("{{").doesNotContain("}}");
        }
    }

    @Test
    void repair_prompt_carries_the_error_and_the_fields() {
        // when
        String rendered = Prompts.render(Prompts.REPAIR, Map.of("error", "line 1: not JSON", "fields", "summary"));
        // then
        assertThat(rendered).contains("line 1: not JSON").contains("summary");
    }

    @Test
    void variables_are_replaced_everywhere_and_values_are_not_rescanned() {
        // when
        String rendered = Prompts.render("test-greeting", Map.of("who", "{{topic}} $1 \\", "topic", "scale"));
        // then
        assertThat(rendered).isEqualTo("Dear {{topic}} $1 \\, about scale: {{topic}} $1 \\ again.\n");
        assertThat(Prompts.variables("test-greeting")).containsExactly("who", "topic");
    }

    @Test
    void missing_prompt_file_names_the_resource() {
        assertThatThrownBy(() -> Prompts.render("no-such-prompt", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/prompts/no-such-prompt.md");
    }

    @Test
    void missing_variable_is_named() {
        assertThatThrownBy(() -> Prompts.render("test-greeting", Map.of("who", "Ada")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{topic}}");
    }

    @Test
    void malformed_placeholder_is_rejected() {
        assertThatThrownBy(() -> Prompts.render("test-malformed", Map.of("who", "Ada")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed placeholder {{ who }}");
    }

    @Test
    void unclosed_placeholder_is_rejected() {
        assertThatThrownBy(() -> Prompts.render("test-unclosed", Map.of("who", "Ada")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed");
    }
}
