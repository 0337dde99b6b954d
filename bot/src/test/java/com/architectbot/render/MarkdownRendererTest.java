package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.ConsultationAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest extends RendererContract<String> {

    MarkdownRendererTest() {
        super(new MarkdownRenderer(), false);
    }

    @Override
    protected List<String> texts(String message) {
        return List.of(message);
    }

    @Override
    protected void assertWithinLimits(String message) {
        assertThat(message).isNotBlank(); // a terminal has no size limit
    }

    @Test
    void an_answer_is_one_document_with_headings_bold_flags_and_numbered_questions() {
        List<String> md = renderer.render(new Reply.Answer(ANSWER));

        assertThat(md)
                .singleElement()
                .asString()
                .containsSubsequence(
                        "## Executive Summary",
                        "## Critical Issues",
                        "## Detailed Analysis",
                        "### Scalability",
                        "## Recommendations",
                        "- **Critical blocker:** Rate-limit exports per tenant.",
                        "- **Should address before launch:** Log every export for audit.",
                        "- **Future consideration:** Add a per-tenant export quota.",
                        "## Questions for Clarification",
                        "1. Which plans include exports?");
    }

    @Test
    void an_answer_without_critical_issues_says_so_as_a_bullet() {
        var calm = new ConsultationAnswer("All good.", List.of(), List.of(), List.of(), List.of());

        assertThat(renderer.render(new Reply.Answer(calm)).getFirst())
                .contains("## Critical Issues\n\n- None identified.");
    }

    @Test
    void a_notice_is_its_text() {
        assertThat(renderer.render(new Reply.Notice(Reply.Tone.INFO, "Forgotten.")))
                .containsExactly("Forgotten.");
    }
}
