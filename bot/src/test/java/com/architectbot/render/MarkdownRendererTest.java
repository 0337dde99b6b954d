package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.core.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Exports will be your most expensive endpoint. Meter them before launch.",
            List.of("No rate limit on exports: one tenant can starve the database."),
            List.of(new AreaAnalysis(Area.SCALABILITY, List.of("Run exports on a queue, not the request thread."))),
            List.of(new Recommendation("Add a per-tenant export quota.", Priority.FUTURE),
                    new Recommendation("Rate-limit exports per tenant.", Priority.CRITICAL_BLOCKER),
                    new Recommendation("Log every export for audit.", Priority.BEFORE_LAUNCH)),
            List.of("Which plans include exports?"));

    @Test
    void an_answer_has_the_five_sections_in_order() {
        String md = renderer.render(new Reply.Answer(ANSWER));

        assertThat(md).containsSubsequence(
                "## Executive Summary", "## Critical Issues", "## Detailed Analysis",
                "## Recommendations", "## Questions for Clarification");
        assertThat(md).contains("### Scalability", "1. Which plans include exports?");
    }

    @Test
    void recommendations_carry_their_flag_with_blockers_first() {
        String md = renderer.render(ANSWER);

        assertThat(md).containsSubsequence(
                "- **Critical blocker:** Rate-limit exports per tenant.",
                "- **Should address before launch:** Log every export for audit.",
                "- **Future consideration:** Add a per-tenant export quota.");
    }

    @Test
    void an_answer_without_critical_issues_says_so() {
        var calm = new ConsultationAnswer("All good.", List.of(), List.of(), List.of(), List.of());

        assertThat(renderer.render(calm)).contains("## Critical Issues\n\n- None identified.");
    }

    @Test
    void a_notice_is_its_text() {
        assertThat(renderer.render(new Reply.Notice(Reply.Tone.INFO, "Forgotten."))).isEqualTo("Forgotten.");
    }
}
