package com.architectbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.consultation.Area;
import com.architectbot.consultation.AreaAnalysis;
import com.architectbot.consultation.ConsultationAnswer;
import com.architectbot.consultation.Priority;
import com.architectbot.consultation.Recommendation;
import com.architectbot.consultation.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest extends RendererContract<ObjectNode> {

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    @Override
    Renderer<ObjectNode> renderer() {
        return renderer;
    }

    @Override
    List<String> texts(ObjectNode card) {
        List<String> texts = bodyTexts(card);
        return texts.size() > 1 && texts.getFirst().matches("Part \\d+ of \\d+") ? texts.subList(1, texts.size()) : texts;
    }

    @Override
    void assertWithinLimits(ObjectNode card) {
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("body").size()).isPositive();
        assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
    }

    @Override
    boolean limitsMessageSize() {
        return true;
    }

    private static final ConsultationAnswer REPLICA_ANSWER = new ConsultationAnswer(
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
        List<ObjectNode> cards = renderer.render(new Reply.Answer(REPLICA_ANSWER));

        // then
        assertThat(cards).hasSize(1);
        ObjectNode card = cards.getFirst();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(bodyTexts(card)).containsSubsequence(Labels.SUMMARY, "Not ready: one region, no replica.",
                Labels.CRITICAL_ISSUES, "• The database has no replica.", Labels.ANALYSIS, Labels.of(Area.SCALABILITY),
                "• Writes are bound to one node.", Labels.RECOMMENDATIONS,
                "• **Critical blocker:** Add a replica.", "• **Should address before launch:** Load-test the sign-up path.",
                "• **Future consideration:** Publish a status page.",
                Labels.QUESTIONS, "1. What is your recovery point objective?");
    }

    @Test
    void critical_issues_and_blockers_are_emphasised_and_nothing_else() {
        // when
        ObjectNode card = renderer.render(new Reply.Answer(REPLICA_ANSWER)).getFirst();

        // then
        List<String> attention = StreamSupport.stream(card.path("body").spliterator(), false)
                .filter(block -> "attention".equals(block.path("color").asText()))
                .map(block -> block.path("text").asText()).toList();
        assertThat(attention).containsExactly("• The database has no replica.", "• **Critical blocker:** Add a replica.");
    }

    @Test
    void card_carries_its_content_as_markdown_fallback() {
        // when
        ObjectNode card = renderer.render(new Reply.Answer(REPLICA_ANSWER)).getFirst();

        // then
        assertThat(card.path("fallbackText").asText())
                .contains("## " + Labels.SUMMARY, "- **Critical blocker:** Add a replica.", "1. What is your");
    }

    @Test
    void a_split_answer_marks_each_card_with_its_part() {
        // when
        List<ObjectNode> cards = renderer.render(RendererContract.extremeAnswer());

        // then
        assertThat(cards).hasSizeGreaterThan(1);
        IntStream.range(0, cards.size()).forEach(i -> {
            assertThat(bodyTexts(cards.get(i)).getFirst()).isEqualTo("Part " + (i + 1) + " of " + cards.size());
            assertThat(cards.get(i).path("fallbackText").asText()).startsWith("_Part " + (i + 1) + " of ");
        });
    }

    @Test
    void a_finding_longer_than_a_text_block_continues_in_the_next_blocks_whole() {
        // given
        String huge = IntStream.range(0, 3000).mapToObj(i -> "w" + i).reduce((a, b) -> a + " " + b).orElseThrow();
        var answer = new ConsultationAnswer("Long.", List.of(),
                List.of(new AreaAnalysis(Area.PRODUCTION_READINESS, List.of(huge))), List.of(), List.of());

        // when
        List<String> texts = renderer.render(answer).stream().flatMap(card -> texts(card).stream()).toList();

        // then
        assertThat(texts).allSatisfy(text -> assertThat(text.length())
                .isLessThanOrEqualTo(AdaptiveCardBlocks.MAX_BLOCK_CHARS + "• ".length()));
        assertThat(String.join(" ", texts)).contains("• " + huge);
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

    private static List<String> bodyTexts(JsonNode card) {
        return StreamSupport.stream(card.path("body").spliterator(), false).map(b -> b.path("text").asText()).toList();
    }
}
