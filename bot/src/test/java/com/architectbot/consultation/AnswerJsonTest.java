package com.architectbot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

    private static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Cache the catalogue. Shard later.",
            List.of("Single database for all tenants."),
            List.of(new AreaAnalysis(Area.SCALABILITY, List.of("Reads dominate."))),
            List.of(new Recommendation("Add a read replica.", Priority.BEFORE_LAUNCH)),
            List.of("What is the expected peak traffic?"));

    @Test
    void answer_survives_a_round_trip() {
        assertThat(AnswerJson.fromJson(AnswerJson.toJson(ANSWER))).isEqualTo(ANSWER);
    }

    @Test
    void enum_values_tolerate_case_spacing_and_the_persona_wording() {
        // given
        String json = """
                {"summary": "S.", "unknownField": 1,
                 "analysis": [{"area": "Production readiness and reliability", "findings": ["f"]},
                              {"area": "security-and-compliance", "findings": []}],
                 "recommendations": [{"text": "a", "priority": "critical blocker"},
                                     {"text": "b", "priority": "Should address before launch"},
                                     {"text": "c", "priority": " future consideration "}]}
                """;
        // when
        ConsultationAnswer answer = AnswerJson.fromJson(json);
        // then
        assertThat(answer.analysis())
                .extracting(AreaAnalysis::area)
                .containsExactly(Area.PRODUCTION_READINESS, Area.SECURITY_AND_COMPLIANCE);
        assertThat(answer.recommendations())
                .extracting(Recommendation::priority)
                .containsExactly(Priority.CRITICAL_BLOCKER, Priority.BEFORE_LAUNCH, Priority.FUTURE);
        assertThat(answer.criticalIssues()).isEmpty();
        assertThat(answer.questions()).isEmpty();
    }

    @Test
    void markdown_fence_around_the_object_is_ignored() {
        assertThat(AnswerJson.fromJson("```json\n" + AnswerJson.toJson(ANSWER) + "\n```"))
                .isEqualTo(ANSWER);
    }

    @Test
    void missing_or_blank_summary_is_rejected() {
        assertThatThrownBy(() -> AnswerJson.fromJson("{\"questions\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("summary");
        assertThatThrownBy(() -> AnswerJson.fromJson("{\"summary\": \"  \"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("summary");
    }

    @Test
    void unknown_priority_is_rejected_with_its_path_but_not_its_text() {
        assertThatThrownBy(
                        () -> AnswerJson.fromJson(
                                "{\"summary\": \"S.\", \"recommendations\": [{\"text\": \"secret plan\", \"priority\": \"urgent\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recommendations[0].priority")
                .hasMessageNotContaining("secret plan");
    }

    @Test
    void prose_is_rejected_without_quoting_it() {
        assertThatThrownBy(() -> AnswerJson.fromJson("I think you should shard the database."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("shard");
    }
}
