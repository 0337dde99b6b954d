package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.testing.Drafts;
import com.architectbot.testing.MarkdownLinks;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftMarkdownTest {

    static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Exports will be your most expensive endpoint, so queue them.",
            List.of("No rate limit on exports.", "Exports hold a database connection for minutes."),
            List.of(
                    new AreaAnalysis(Area.SCALABILITY, List.of("Run exports on a queue.", "Stream rows out.")),
                    new AreaAnalysis(Area.SECURITY_AND_COMPLIANCE, List.of("Exports contain personal data."))),
            List.of(
                    new Recommendation("Keep exports for a week.", Priority.FUTURE),
                    new Recommendation("Rate-limit exports per tenant.", Priority.CRITICAL_BLOCKER)),
            List.of("Which plans include exports?", "How large is the largest tenant?"));

    @Test
    void every_draft_starts_with_the_markdown_of_the_draft_before_it() {
        List<AnswerDraft> drafts = Drafts.writing(ANSWER);

        String before = "";
        for (AnswerDraft draft : drafts) {
            String now = DraftMarkdown.render(draft);
            assertThat(now).as("after a draft writing %s", draft.writing()).startsWith(before);
            before = now;
        }
        assertThat(before).contains("How large is the largest tenant?");
    }

    @Test
    void sections_appear_in_the_persona_order_up_to_the_one_being_written() {
        String md = DraftMarkdown.render(new AnswerDraft(ANSWER, AnswerSection.RECOMMENDATIONS));

        assertThat(md)
                .containsSubsequence(
                        "## " + Labels.SUMMARY,
                        "## " + Labels.CRITICAL_ISSUES,
                        "## " + Labels.ANALYSIS,
                        "### " + Labels.of(Area.SCALABILITY),
                        "### " + Labels.of(Area.SECURITY_AND_COMPLIANCE),
                        "## " + Labels.RECOMMENDATIONS)
                .doesNotContain(Labels.QUESTIONS);
    }

    @Test
    void recommendations_keep_the_order_they_arrived_in_and_carry_their_priority_flag() {
        String md = DraftMarkdown.render(new AnswerDraft(ANSWER, AnswerSection.QUESTIONS));

        assertThat(md)
                .containsSubsequence(
                        "- **" + Labels.of(Priority.FUTURE) + ":** Keep exports for a week.",
                        "- **" + Labels.of(Priority.CRITICAL_BLOCKER) + ":** Rate-limit exports per tenant.");
    }

    @Test
    void an_empty_issues_list_says_none_only_once_the_section_is_finished() {
        var noIssues = new ConsultationAnswer("S.", null, null, null, null);

        assertThat(DraftMarkdown.render(new AnswerDraft(noIssues, AnswerSection.CRITICAL_ISSUES)))
                .doesNotContain(Labels.NO_CRITICAL_ISSUES);
        assertThat(DraftMarkdown.render(new AnswerDraft(noIssues, AnswerSection.ANALYSIS)))
                .contains("- " + Labels.NO_CRITICAL_ISSUES);
    }

    @Test
    void a_summary_cut_mid_sentence_is_shown_as_written_without_a_later_heading() {
        var cut = new ConsultationAnswer("Exports will be your most", null, null, null, null);

        assertThat(DraftMarkdown.render(new AnswerDraft(cut, AnswerSection.SUMMARY)))
                .isEqualTo("## " + Labels.SUMMARY + "\n\nExports will be your most");
    }

    @Test
    void the_models_links_and_images_read_as_typed_while_our_headings_bullets_and_bold_stay_markdown() {
        String link = "[Sign in again](https://login.evil.example)";
        var hostile = new ConsultationAnswer(
                "Please " + link,
                List.of("![x](https://evil.example/p.png)"),
                List.of(new AreaAnalysis(Area.SCALABILITY, List.of("\\" + link))),
                List.of(new Recommendation(link, Priority.CRITICAL_BLOCKER)),
                List.of(link));

        String md = DraftMarkdown.render(new AnswerDraft(hostile, AnswerSection.QUESTIONS));

        assertThat(MarkdownLinks.canForm(md)).isFalse();
        assertThat(md)
                .contains("Please \\[Sign in again\\]\\(https://login.evil.example\\)")
                .contains("- \\!\\[x\\]")
                .contains("## " + Labels.SUMMARY + "\n\n", "### " + Labels.of(Area.SCALABILITY) + "\n\n- ")
                .contains("- **" + Labels.of(Priority.CRITICAL_BLOCKER) + ":** \\[Sign in")
                .contains("1. \\[Sign in");
    }
}
