package com.architectbot.teams.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.Area;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.ReportFiles;
import com.architectbot.render.FollowUps;
import com.architectbot.render.Labels;
import com.architectbot.render.LicenceReportText;
import com.architectbot.render.RendererContract;
import com.architectbot.testing.LicenceReports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest extends RendererContract<ObjectNode> {

    AdaptiveCardRendererTest() {
        super(new AdaptiveCardRenderer(), true);
    }

    @Override
    protected List<String> texts(ObjectNode card) {
        List<String> texts = bodyTexts(card);
        return texts.size() > 1 && texts.getFirst().matches("Part \\d+ of \\d+")
                ? texts.subList(1, texts.size())
                : texts;
    }

    @Override
    protected void assertWithinLimits(ObjectNode card) {
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("body").size()).isPositive();
        assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(CardFormat.MAX_CARD_BYTES);
    }

    @Test
    void answer_is_one_schema_1_5_card_with_the_five_sections_in_order() {
        // when
        List<ObjectNode> cards = renderer.render(new Reply.Answer(ANSWER));

        // then
        assertThat(cards).hasSize(1);
        ObjectNode card = cards.getFirst();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(bodyTexts(card))
                .containsSubsequence(
                        Labels.SUMMARY,
                        ANSWER.summary(),
                        Labels.CRITICAL_ISSUES,
                        "• No rate limit on exports: one tenant can starve the database.",
                        Labels.ANALYSIS,
                        Labels.of(Area.SCALABILITY),
                        "• Run exports on a queue, not the request thread.",
                        Labels.RECOMMENDATIONS,
                        "• **Critical blocker:** Rate-limit exports per tenant.",
                        "• **Should address before launch:** Log every export for audit.",
                        "• **Future consideration:** Add a per-tenant export quota.",
                        Labels.QUESTIONS,
                        "1. Which plans include exports?");
    }

    @Test
    void critical_issues_and_blockers_are_emphasised_and_nothing_else() {
        // when
        ObjectNode card = renderer.render(new Reply.Answer(ANSWER)).getFirst();

        // then
        assertThat(attentionTexts(card))
                .containsExactly(
                        "• No rate limit on exports: one tenant can starve the database.",
                        "• **Critical blocker:** Rate-limit exports per tenant.");
    }

    @Test
    void card_carries_its_content_as_markdown_fallback() {
        // when
        ObjectNode card = renderer.render(new Reply.Answer(ANSWER)).getFirst();

        // then
        assertThat(card.path("fallbackText").asText())
                .contains(
                        "## " + Labels.SUMMARY,
                        "- **Critical blocker:** Rate-limit exports per tenant.",
                        "1. Which plans");
    }

    @Test
    void a_split_answer_marks_each_card_with_its_part() {
        // when
        List<ObjectNode> cards = renderer.render(new Reply.Answer(RendererContract.extremeAnswer()));

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
        String huge = IntStream.range(0, 3000)
                .mapToObj(i -> "w" + i)
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
        var answer = new ConsultationAnswer(
                "Long.",
                List.of(),
                List.of(new AreaAnalysis(Area.PRODUCTION_READINESS, List.of(huge))),
                List.of(),
                List.of());

        // when
        List<String> texts = renderer.render(new Reply.Answer(answer)).stream()
                .flatMap(card -> texts(card).stream())
                .toList();

        // then
        assertThat(texts)
                .allSatisfy(text -> assertThat(text.length())
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

    @Test
    void a_licence_report_names_the_files_that_could_not_be_made_before_its_table() {
        var report = LicenceReports.withOkDependencies(2);
        var files = new ReportFiles(List.of(), List.of("sbom.cdx.json", "THIRD-PARTY-NOTICES.txt"));

        List<ObjectNode> cards = renderer.render(new Reply.LicenceCheck(report, files));

        assertThat(texts(cards.getFirst()))
                .contains("Not attached: sbom.cdx.json, THIRD-PARTY-NOTICES.txt could not be made this time. "
                        + "Ask again for them.");
    }

    @Test
    void a_licence_report_shows_its_summary_problems_and_findings_in_words_and_the_full_table_after() {
        // given
        var report = LicenceReports.withOkDependencies(2);

        // when
        List<ObjectNode> cards = renderer.render(new Reply.LicenceCheck(report));

        // then
        assertThat(cards.stream().flatMap(card -> texts(card).stream()).toList())
                .containsSubsequence(
                        "Licence check",
                        LicenceReportText.summary(report),
                        "Not checked",
                        "• " + LicenceReports.NOT_CHECKED_PURL + ": npm registry timed out",
                        "Needs attention",
                        "• blocker: " + LicenceReports.BLOCKER_PURL + ", SSPL-1.0 (source-available). Obligations: "
                                + Obligation.USE_RESTRICTIONS.description(),
                        "All dependencies",
                        "• ok: pkg:maven/org.example/lib-1@1.0.1, Apache-2.0 (permissive). Obligations: "
                                + Obligation.ATTRIBUTION.description());
        assertThat(attentionTexts(cards.getFirst()))
                .containsExactly(
                        "Licence check, saas: 1 blocker · 0 review · 2 ok (3 dependencies)",
                        "• blocker: " + LicenceReports.BLOCKER_PURL + ", SSPL-1.0 (source-available). Obligations: "
                                + Obligation.USE_RESTRICTIONS.description());
    }

    private static List<String> attentionTexts(JsonNode card) {
        return StreamSupport.stream(card.path("body").spliterator(), false)
                .filter(block -> "attention".equals(block.path("color").asText()))
                .map(block -> block.path("text").asText())
                .toList();
    }

    private static List<String> bodyTexts(JsonNode card) {
        return StreamSupport.stream(card.path("body").spliterator(), false)
                .map(b -> b.path("text").asText())
                .toList();
    }

    private static List<JsonNode> actionsOf(ObjectNode card) {
        return StreamSupport.stream(card.path("actions").spliterator(), false).toList();
    }

    @Test
    void the_last_card_of_an_answer_has_up_to_three_follow_up_buttons_in_the_answers_order() {
        String longQuestion = "Which of your customers need data residency in the EU, and do any of them also "
                + "need a dedicated database?";
        var answer = new ConsultationAnswer(
                "Summary.",
                null,
                null,
                null,
                List.of("How many tenants?", longQuestion, "How many tenants?", "Region?", "Budget?"));

        List<ObjectNode> cards = renderer.render(new Reply.Answer(answer));

        assertThat(cards).singleElement().satisfies(this::assertWithinLimits);
        List<JsonNode> actions = actionsOf(cards.getFirst());
        assertThat(actions).extracting(a -> a.path("type").asText()).containsOnly("Action.Submit");
        assertThat(actions)
                .extracting(a -> a.path("title").asText())
                .containsExactly(
                        "How many tenants?",
                        "Which of your customers need data residency in the EU, and do any of them…",
                        "Region?");
        assertThat(actions)
                .extracting(
                        a -> a.at("/data/" + AdaptiveCardFollowUps.QUESTION_KEY).asText())
                .containsExactly("How many tenants?", longQuestion, "Region?");
        assertThat(actions).allSatisfy(a -> {
            assertThat(a.at("/data/msteams/type").asText()).isEqualTo("messageBack");
            assertThat(a.at("/data/msteams/displayText").asText())
                    .isEqualTo(
                            a.at("/data/" + AdaptiveCardFollowUps.QUESTION_KEY).asText());
        });
    }

    @Test
    void only_the_last_card_of_a_split_answer_has_buttons_and_an_answer_asking_nothing_has_none() {
        List<ObjectNode> cards = renderer.render(new Reply.Answer(RendererContract.extremeAnswer()));
        var calm = new ConsultationAnswer("All good.", List.of(), List.of(), List.of(), List.of());

        assertThat(cards.subList(0, cards.size() - 1))
                .allSatisfy(c -> assertThat(actionsOf(c)).isEmpty());
        assertThat(actionsOf(cards.getLast())).isNotEmpty();
        assertThat(renderer.render(new Reply.Answer(calm)))
                .allSatisfy(c -> assertThat(actionsOf(c)).isEmpty());
    }

    @Test
    void notices_and_licence_reports_have_no_buttons() {
        assertThat(renderer.render(new Reply.Notice(Reply.Tone.INFO, "Which region?")))
                .allSatisfy(c -> assertThat(actionsOf(c)).isEmpty());
        assertThat(renderer.render(new Reply.LicenceCheck(LicenceReports.withOkDependencies(2))))
                .allSatisfy(c -> assertThat(actionsOf(c)).isEmpty());
    }

    @Test
    void buttons_too_big_for_the_last_card_go_on_a_card_of_their_own_and_every_card_stays_within_the_limit() {
        String bigQuestion = "Why " + "é".repeat(FollowUps.MAX_QUESTION_CHARS - 10) + "?";
        var answer = new ConsultationAnswer(
                "Summary. " + "word ".repeat(1500),
                null,
                null,
                null,
                List.of(bigQuestion, bigQuestion + "!", "Region?"));

        List<ObjectNode> cards = renderer.render(new Reply.Answer(answer));

        cards.forEach(this::assertWithinLimits);
        assertThat(cards.subList(0, cards.size() - 1))
                .allSatisfy(c -> assertThat(actionsOf(c)).isEmpty());
        assertThat(bodyTexts(cards.getLast())).containsExactly(AdaptiveCardFollowUps.OWN_CARD_TITLE);
        assertThat(actionsOf(cards.getLast()))
                .extracting(
                        a -> a.at("/data/" + AdaptiveCardFollowUps.QUESTION_KEY).asText())
                .containsExactly(bigQuestion, bigQuestion + "!", "Region?");
    }
}
