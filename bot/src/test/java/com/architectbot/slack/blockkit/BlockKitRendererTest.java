package com.architectbot.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.licence.LicenceReportCsv;
import com.architectbot.render.Labels;
import com.architectbot.render.RendererContract;
import com.architectbot.testing.LicenceReports;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest extends RendererContract<SlackMessage> {

    BlockKitRendererTest() {
        super(new BlockKitRenderer(), true);
    }

    @Override
    protected List<String> texts(SlackMessage message) {
        return message.blocks().stream().map(BlockKitBlocks::textOf).toList();
    }

    @Override
    protected void assertWithinLimits(SlackMessage message) {
        assertThat(message.blocks()).hasSizeBetween(1, BlockKitLimits.MAX_BLOCKS);
        assertThat(message.blocks().stream()
                        .mapToInt(b -> BlockKitBlocks.textOf(b).length())
                        .sum())
                .isLessThanOrEqualTo(BlockKitLimits.MAX_MESSAGE_CHARS);
        assertThat(message.blocks())
                .allSatisfy(b -> assertThat(BlockKitBlocks.textOf(b).length())
                        .isBetween(
                                1,
                                b instanceof HeaderBlock
                                        ? BlockKitLimits.MAX_HEADER_CHARS
                                        : BlockKitLimits.MAX_SECTION_CHARS));
        assertThat(message.blocks().getLast()).isNotInstanceOf(HeaderBlock.class); // no orphan header
        assertThat(message.text()).isNotBlank().hasSizeLessThanOrEqualTo(BlockKitLimits.MAX_FALLBACK_CHARS);
    }

    static List<String> headers(List<SlackMessage> messages) {
        return messages.stream()
                .flatMap(m -> m.blocks().stream())
                .filter(HeaderBlock.class::isInstance)
                .map(BlockKitBlocks::textOf)
                .toList();
    }

    static String allText(List<SlackMessage> messages) {
        return String.join(
                "\n",
                messages.stream()
                        .flatMap(m -> m.blocks().stream())
                        .map(BlockKitBlocks::textOf)
                        .toList());
    }

    @Test
    void an_answer_has_the_five_headed_sections_in_order() {
        List<SlackMessage> messages = renderer.render(new Reply.Answer(ANSWER));

        assertThat(messages).hasSize(1);
        assertThat(headers(messages))
                .containsExactly(
                        Labels.SUMMARY,
                        Labels.CRITICAL_ISSUES,
                        Labels.ANALYSIS,
                        Labels.RECOMMENDATIONS,
                        Labels.QUESTIONS);
        assertThat(allText(messages))
                .contains("*Scalability*\n• Run exports on a queue", "1. Which plans include exports?");
    }

    @Test
    void critical_issues_are_marked_and_recommendations_carry_their_flag_with_blockers_first() {
        String text = allText(renderer.render(new Reply.Answer(ANSWER)));

        assertThat(text).contains("🔴 No rate limit on exports");
        assertThat(text)
                .containsSubsequence(
                        "🔴 *Critical blocker:* Rate-limit exports per tenant.",
                        "🟠 *Should address before launch:* Log every export for audit.",
                        "🔵 *Future consideration:* Add a per-tenant export quota.");
    }

    @Test
    void empty_sections_keep_their_header() {
        var calm = new ConsultationAnswer("All good.", List.of(), List.of(), List.of(), List.of());

        assertThat(headers(renderer.render(new Reply.Answer(calm)))).containsExactlyElementsOf(SECTIONS);
    }

    @Test
    void model_text_cannot_ping_the_channel_or_inject_links() {
        var sneaky = new ConsultationAnswer("Tell <!channel> & see <http://evil|here>", null, null, null, null);

        String text = allText(renderer.render(new Reply.Answer(sneaky)));

        assertThat(text)
                .contains("Tell &lt;!channel&gt; &amp; see &lt;http://evil|here&gt;")
                .doesNotContain("<!channel>");
    }

    @Test
    void a_split_answer_keeps_one_header_per_section_and_each_recommendation_on_its_own_line() {
        var huge = RendererContract.extremeAnswer();

        List<SlackMessage> messages = renderer.render(new Reply.Answer(huge));

        assertThat(messages).hasSizeGreaterThan(3);
        assertThat(headers(messages)).containsExactlyElementsOf(SECTIONS);
        String text = allText(messages);
        IntStream.range(0, 90).forEach(i -> assertThat(text).contains("Do thing " + i + " before the next review.\n"));
    }

    @Test
    void an_unbroken_run_longer_than_a_section_is_split_not_cut() {
        String url = "https://example.com/" + "a".repeat(7000);

        List<SlackMessage> messages =
                renderer.render(new Reply.Answer(new ConsultationAnswer(url, null, null, null, null)));

        assertThat(String.join(
                        "",
                        messages.getFirst().blocks().subList(1, 4).stream()
                                .map(BlockKitBlocks::textOf)
                                .toList()))
                .isEqualTo(url);
    }

    @Test
    void a_notice_is_a_single_section() {
        List<SlackMessage> messages =
                renderer.render(new Reply.Notice(Reply.Tone.FAILED, "The model timed out; ask again."));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.blocks()).singleElement().isInstanceOf(SectionBlock.class);
            assertThat(m.text()).isEqualTo("⚠️ The model timed out; ask again.");
        });
    }

    @Test
    void the_labels_fit_in_a_header() {
        List<String> labels = List.of(
                Labels.SUMMARY, Labels.CRITICAL_ISSUES, Labels.ANALYSIS, Labels.RECOMMENDATIONS, Labels.QUESTIONS);

        assertThat(labels).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(BlockKitLimits.MAX_HEADER_CHARS));
    }

    static List<LayoutBlock> blocksOf(List<SlackMessage> messages) {
        return messages.stream().flatMap(m -> m.blocks().stream()).toList();
    }

    @Test
    void a_licence_report_shows_its_summary_problems_and_a_short_table_in_one_message_without_a_file() {
        var report = LicenceReports.withOkDependencies(2);

        List<SlackMessage> messages = renderer.render(new Reply.LicenceCheck(report));

        assertThat(messages).hasSize(1);
        String text = String.join(
                "\n",
                messages.getFirst().blocks().stream()
                        .map(BlockKitBlocks::textOf)
                        .toList());
        assertThat(text)
                .contains(
                        "Licence check",
                        "🔴 *Licence check, saas: 1 blocker · 0 review · 2 ok",
                        "*Not checked*",
                        LicenceReports.NOT_CHECKED_PURL + "`: npm registry timed out",
                        "*Needs attention*",
                        "🔴 blocker: " + LicenceReports.BLOCKER_PURL + ", SSPL-1.0",
                        "*All dependencies*",
                        "ok: pkg:maven/org.example/lib-1@1.0.1, Apache-2.0",
                        "_Policy: saas (defaults)");
        assertThat(SlackUpload.of(new Reply.LicenceCheck(report))).isEmpty();
    }

    @Test
    void a_licence_table_too_long_for_a_message_goes_into_a_csv_file_and_the_problems_stay_in_the_message() {
        var report = LicenceReports.withOkDependencies(BlockKitRenderer.MAX_INLINE_TABLE_ROWS + 5);

        List<SlackMessage> messages = renderer.render(new Reply.LicenceCheck(report));
        var file = SlackUpload.of(new Reply.LicenceCheck(report));

        String text = String.join(
                "\n",
                messages.stream()
                        .flatMap(m -> m.blocks().stream())
                        .map(BlockKitBlocks::textOf)
                        .toList());
        assertThat(text)
                .contains(
                        "*Needs attention*",
                        LicenceReports.BLOCKER_PURL,
                        "all 26 dependencies is in the attached `licence-report.csv`")
                .doesNotContain("lib-3@");
        assertThat(file).hasValueSatisfying(upload -> {
            SlackFile csv = upload.files().getFirst();
            assertThat(upload.files()).hasSize(1);
            assertThat(csv.fileName()).isEqualTo("licence-report.csv");
            assertThat(csv.content()).isEqualTo(LicenceReportCsv.render(report));
        });
    }

    private static List<ActionsBlock> actionsOf(List<SlackMessage> messages) {
        return blocksOf(messages).stream()
                .filter(ActionsBlock.class::isInstance)
                .map(ActionsBlock.class::cast)
                .toList();
    }

    private static List<ButtonElement> buttonsOf(List<SlackMessage> messages) {
        return actionsOf(messages).stream()
                .flatMap(a -> a.getElements().stream())
                .map(ButtonElement.class::cast)
                .toList();
    }

    @Test
    void the_last_message_of_an_answer_ends_with_up_to_three_follow_up_buttons_in_the_answers_order() {
        String longQuestion = "Which of your customers need data residency in the EU, and do any of them also "
                + "need a dedicated database?";
        var answer = new ConsultationAnswer(
                "Summary.", null, null, null, List.of("How many tenants?", longQuestion, "Which region?", "Budget?"));

        List<SlackMessage> messages = renderer.render(new Reply.Answer(answer));

        assertThat(messages)
                .singleElement()
                .satisfies(m -> assertThat(m.blocks().getLast())
                        .isInstanceOf(ActionsBlock.class)
                        .extracting(b -> ((ActionsBlock) b).getBlockId())
                        .isEqualTo(BlockKitFollowUps.BLOCK_ID));
        List<ButtonElement> buttons = buttonsOf(messages);
        assertThat(buttons)
                .extracting(ButtonElement::getValue)
                .containsExactly("How many tenants?", longQuestion, "Which region?");
        assertThat(buttons)
                .extracting(b -> b.getText().getText())
                .containsExactly(
                        "How many tenants?",
                        "Which of your customers need data residency in the EU, and do any of them…",
                        "Which region?");
        assertThat(buttons)
                .extracting(ButtonElement::getActionId)
                .containsExactly("follow_up_1", "follow_up_2", "follow_up_3")
                .allMatch(id -> BlockKitFollowUps.ACTION_IDS.matcher(id).matches());
        assertThat(buttons).allSatisfy(b -> assertThat(b.getText().getType()).isEqualTo("plain_text"));
    }

    @Test
    void an_answer_that_asks_nothing_has_no_buttons() {
        var calm = new ConsultationAnswer("All good.", List.of(), List.of(), List.of(), List.of());

        assertThat(actionsOf(renderer.render(new Reply.Answer(calm)))).isEmpty();
    }

    @Test
    void only_the_last_message_of_a_split_answer_has_the_buttons() {
        List<SlackMessage> messages = renderer.render(new Reply.Answer(RendererContract.extremeAnswer()));

        assertThat(messages.subList(0, messages.size() - 1))
                .allSatisfy(m -> assertThat(actionsOf(List.of(m))).isEmpty());
        assertThat(actionsOf(List.of(messages.getLast()))).hasSize(1);
    }

    @Test
    void when_the_last_message_is_full_the_buttons_go_in_a_message_of_their_own() {
        var fullBlocks = IntStream.range(0, BlockKitLimits.MAX_BLOCKS)
                .mapToObj(i -> BlockKitBlocks.sections("Finding " + i).getFirst())
                .toList();
        var fullChars = BlockKitBlocks.sections("x ".repeat(BlockKitLimits.MAX_MESSAGE_CHARS / 2 - 3));
        var answer = new ConsultationAnswer("Summary.", null, null, null, List.of("Which region?"));

        for (var blocks : List.of(fullBlocks, fullChars)) {
            List<SlackMessage> messages =
                    BlockKitFollowUps.append(List.of(new SlackMessage(blocks, "an answer")), answer);

            assertThat(messages).hasSize(2);
            assertThat(messages.getFirst().blocks()).isEqualTo(blocks);
            assertThat(messages.getLast().blocks()).singleElement().isInstanceOf(ActionsBlock.class);
            assertThat(messages.getLast().text()).isEqualTo(BlockKitFollowUps.OWN_MESSAGE_TEXT);
        }
    }

    @Test
    void notices_and_licence_reports_have_no_buttons() {
        assertThat(actionsOf(renderer.render(new Reply.Notice(Reply.Tone.INFO, "Which region?"))))
                .isEmpty();
        assertThat(actionsOf(renderer.render(new Reply.LicenceCheck(LicenceReports.withOkDependencies(2)))))
                .isEmpty();
    }
}
