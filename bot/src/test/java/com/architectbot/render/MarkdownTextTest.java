package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.testing.MarkdownLinks;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void plain_prose_is_left_as_it_is() {
        String prose = "Queue exports; keep *one* worker per tenant & cap them at 10 < 20.";

        assertThat(MarkdownText.escape(prose)).isEqualTo(prose);
    }

    @Test
    void links_and_images_are_escaped_so_they_read_as_typed() {
        String escaped = MarkdownText.escape("[Sign in again](https://evil.example) ![x](https://e)");

        assertThat(escaped).isEqualTo("\\[Sign in again\\]\\(https://evil.example\\) \\!\\[x\\]\\(https://e\\)");
        assertThat(MarkdownLinks.canForm(escaped)).isFalse();
    }

    @Test
    void a_backslash_of_the_model_cannot_undo_the_escape_of_the_bracket_after_it() {
        String escaped = MarkdownText.escape("\\[x\\](https://e) \\\\[y](https://e)");

        assertThat(MarkdownLinks.canForm(escaped)).isFalse();
        assertThat(MarkdownLinks.canForm("\\\\[y](https://e)")).isTrue(); // the check itself sees such a link
    }

    @Test
    void the_escape_of_a_text_that_grows_starts_with_the_escape_of_what_it_grew_from() {
        String text = "See [the guide](https://example.com) \\ first!";

        for (int end = 0; end < text.length(); end++) {
            assertThat(MarkdownText.escape(text)).startsWith(MarkdownText.escape(text.substring(0, end)));
        }
    }
}
