package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.core.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    private static final ConsultationAnswer ANSWER = new ConsultationAnswer(
            "Not ready: one region, no replica.",
            List.of("The database has no replica."),
            List.of(new AreaAnalysis(Area.SCALABILITY, List.of("Writes are bound to one node."))),
            List.of(new Recommendation("Publish a status page.", Priority.FUTURE),
                    new Recommendation("Add a replica.", Priority.CRITICAL_BLOCKER),
                    new Recommendation("Load-test the sign-up path.", Priority.BEFORE_LAUNCH)),
            List.of("What is your recovery point objective?"));

    @Test
    void answer_is_one_schema_1_5_card_with_the_five_sections_in_order() {
        // when
        List<ObjectNode> cards = renderer.render(new Reply.Answer(ANSWER));

        // then
        assertThat(cards).hasSize(1);
        ObjectNode card = cards.getFirst();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(texts(card)).containsSubsequence(Labels.SUMMARY, "Not ready: one region, no replica.",
                Labels.CRITICAL_ISSUES, "• The database has no replica.", Labels.ANALYSIS, Labels.of(Area.SCALABILITY),
                "• Writes are bound to one node.", Labels.RECOMMENDATIONS,
                "• **Critical blocker:** Add a replica.", "• **Should address before launch:** Load-test the sign-up path.",
                "• **Future consideration:** Publish a status page.",
                Labels.QUESTIONS, "1. What is your recovery point objective?");
    }

    @Test
    void critical_issues_and_blockers_are_emphasised_and_nothing_else() {
        // when
        ObjectNode card = renderer.render(new Reply.Answer(ANSWER)).getFirst();

        // then
        List<String> attention = StreamSupport.stream(card.path("body").spliterator(), false)
                .filter(block -> "attention".equals(block.path("color").asText()))
                .map(block -> block.path("text").asText()).toList();
        assertThat(attention).containsExactly("• The database has no replica.", "• **Critical blocker:** Add a replica.");
    }

    @Test
    void card_carries_its_content_as_markdown_fallback() {
        // when
        ObjectNode card = renderer.render(new Reply.Answer(ANSWER)).getFirst();

        // then
        assertThat(card.path("fallbackText").asText())
                .contains("## " + Labels.SUMMARY, "- **Critical blocker:** Add a replica.", "1. What is your");
    }

    @Test
    void long_answer_is_split_into_cards_under_the_limit_and_nothing_is_lost() {
        // given 300 findings of about 500 bytes, and one finding longer than a text block may be
        List<String> findings = new ArrayList<>(IntStream.range(0, 300)
                .mapToObj(i -> "finding-" + i + " " + "é".repeat(250)).toList());
        String huge = IntStream.range(0, 3000).mapToObj(i -> "w" + i).reduce((a, b) -> a + " " + b).orElseThrow();
        findings.add(huge);
        ConsultationAnswer answer = new ConsultationAnswer("Long.", List.of(),
                List.of(new AreaAnalysis(Area.PRODUCTION_READINESS, findings)), List.of(), List.of("Last question?"));

        // when
        List<ObjectNode> cards = renderer.render(new Reply.Answer(answer));

        // then
        assertThat(cards).hasSizeGreaterThan(1);
        cards.forEach(card -> assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES));
        String all = String.join(" ", cards.stream().flatMap(c -> texts(c).stream())
                .filter(text -> !text.startsWith("Part ")).toList());
        assertThat(IntStream.range(0, 300).filter(i -> !all.contains("finding-" + i + " ")).boxed().toList())
                .as("findings missing").isEmpty();
        assertThat(all.contains(huge)).as("the long finding is whole, across blocks").isTrue();
        assertThat(all).endsWith("1. Last question?");
        assertThat(texts(cards.get(1)).getFirst()).isEqualTo("Part 2 of " + cards.size());
    }

    @Test
    void failure_notice_is_a_short_card_in_the_attention_colour() {
        // when
        List<ObjectNode> cards = renderer.render(new Reply.Notice(Reply.Tone.FAILED, "Sorry, the model is away."));

        // then
        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.at("/body/0/text").asText()).isEqualTo("Sorry, the model is away.");
            assertThat(card.at("/body/0/color").asText()).isEqualTo("attention");
            assertThat(card.path("fallbackText").asText()).isEqualTo("Sorry, the model is away.");
        });
    }

    private static List<String> texts(JsonNode card) {
        return StreamSupport.stream(card.path("body").spliterator(), false).map(b -> b.path("text").asText()).toList();
    }
}
