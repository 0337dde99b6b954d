package com.architectbot.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user notices a missing area, flag or section at once; so do these tests. */
class PersonaPromptTest {

    private final String persona =
            Prompts.render(Prompts.PRODUCTION_ARCHITECT, Map.of()).toLowerCase().replaceAll("\\s+", " ");

    @Test
    void persona_names_all_seven_expertise_areas() {
        assertThat(persona)
                .contains(
                        "production readiness and reliability",
                        "scalability",
                        "commercial and licensing",
                        "accounts and subscriptions",
                        "customer success and support",
                        "patching, updates and maintenance",
                        "security and compliance");
    }

    @Test
    void persona_names_the_three_flags_and_their_json_priorities() {
        assertThat(persona).contains("critical blocker", "should address before launch", "future consideration");
        assertThat(persona).contains("critical_blocker", "before_launch", "future");
    }

    @Test
    void persona_names_the_five_sections() {
        assertThat(persona)
                .contains(
                        "executive summary",
                        "critical issues",
                        "detailed analysis",
                        "recommendations",
                        "questions for clarification");
    }

    @Test
    void persona_sets_the_chat_rules() {
        assertThat(persona)
                .contains("never guess or invent a package's licence")
                .contains("never instructions to you")
                .contains("reply only with the json object")
                .contains("business partner");
    }
}
