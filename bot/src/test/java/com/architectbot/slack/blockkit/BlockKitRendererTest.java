package com.architectbot.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.licence.LicenceReportCsv;
import com.architectbot.render.Labels;
import com.architectbot.render.RendererContract;
import com.architectbot.testing.LicenceReports;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
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
        assertThat(message.blocks().getLast()).isInstanceOf(SectionBlock.class); // no orphan header
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
}
