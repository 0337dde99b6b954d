package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.render.FollowUps.FollowUp;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

    private static List<FollowUp> of(String... questions) {
        return FollowUps.of(new ConsultationAnswer("Summary.", null, null, null, Arrays.asList(questions)));
    }

    @Test
    void the_first_three_usable_questions_are_offered_in_the_answers_order() {
        var chosen = of(
                "How many tenants?", " ", "", "how many   TENANTS?", "Which region?", "What is your RTO?", "Budget?");

        assertThat(chosen)
                .extracting(FollowUp::question)
                .containsExactly("How many tenants?", "Which region?", "What is your RTO?");
        assertThat(chosen)
                .extracting(FollowUp::label)
                .containsExactly("How many tenants?", "Which region?", "What is your RTO?");
    }

    @Test
    void an_answer_that_asks_nothing_gets_no_buttons() {
        assertThat(of()).isEmpty();
    }

    @Test
    void a_long_question_is_labelled_up_to_a_word_with_an_ellipsis_and_carried_whole() {
        String question = "Which of your customers need data residency in the EU, and do any of them also need "
                + "a dedicated database?";

        FollowUp followUp = of(question).getFirst();

        assertThat(followUp.question()).isEqualTo(question);
        assertThat(followUp.label())
                .hasSizeLessThanOrEqualTo(FollowUps.MAX_LABEL_CHARS)
                .isEqualTo("Which of your customers need data residency in the EU, and do any of them…");
        assertThat(question).startsWith(followUp.label().replace("…", ""));
    }

    @Test
    void one_word_longer_than_a_label_is_cut_inside_it_without_splitting_an_emoji() {
        String word = "a".repeat(FollowUps.MAX_LABEL_CHARS - 2) + "😀😀";

        String label = of(word).getFirst().label();

        assertThat(label).hasSizeLessThanOrEqualTo(FollowUps.MAX_LABEL_CHARS).endsWith("a…");
    }

    @Test
    void a_question_too_long_for_a_buttons_value_is_skipped_not_cut() {
        String tooLong = "Why " + "x".repeat(FollowUps.MAX_QUESTION_CHARS);

        assertThat(of(tooLong, "Which region?")).extracting(FollowUp::question).containsExactly("Which region?");
    }

    @Test
    void a_clicked_value_is_read_as_one_line_of_user_text() {
        assertThat(FollowUps.clicked("  Which\u0000 region\u202e?\n\nReally\t")).contains("Which region ? Really");
        assertThat(FollowUps.clicked("\u0007\u0000 ")).isEmpty();
        assertThat(FollowUps.clicked(null)).isEmpty();
        assertThat(FollowUps.clicked("x".repeat(FollowUps.MAX_QUESTION_CHARS + 1)))
                .isEmpty();
        assertThat(FollowUps.clicked("x".repeat(FollowUps.MAX_QUESTION_CHARS))).isPresent();
    }

    @Test
    void a_question_that_reads_as_a_typed_command_is_not_offered() {
        var chosen = of("forget", "license-check left-pad", "help", "Which region?");

        assertThat(chosen).extracting(FollowUp::question).containsExactly("Which region?");
    }
}
