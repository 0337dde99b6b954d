package com.architectbot.slack.blockkit;

import static com.architectbot.slack.blockkit.BlockKitBlocks.escape;
import static com.architectbot.slack.blockkit.BlockKitBlocks.header;
import static com.architectbot.slack.blockkit.BlockKitBlocks.lines;
import static com.architectbot.slack.blockkit.BlockKitBlocks.pack;
import static com.architectbot.slack.blockkit.BlockKitBlocks.sections;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.render.Labels;
import com.architectbot.render.Renderer;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Renders replies as Slack Block Kit messages: a pure function from a {@link Reply} to the messages to
 * post, in order. It uses Bolt's typed block model, so the Web API client serialises exactly what Slack
 * validates and a renderer test can read the blocks back without parsing JSON. Slack's limits are
 * enforced by splitting, never by cutting ({@link BlockKitBlocks}): a long answer becomes several messages,
 * each within {@value BlockKitLimits#MAX_BLOCKS} blocks and {@value BlockKitLimits#MAX_MESSAGE_CHARS} characters, and every text block
 * within {@value BlockKitLimits#MAX_SECTION_CHARS} characters. A licence report is drawn by {@link BlockKitLicenceReport};
 * the files that may follow the messages are {@link SlackUpload#of}.
 */
public final class BlockKitRenderer implements Renderer<SlackMessage> {

    /** More rows than this are a spreadsheet's job, not a chat message's: the table goes into the CSV. */
    public static final int MAX_INLINE_TABLE_ROWS = 20;

    public static final String LICENCE_CSV_NAME = "licence-report.csv";

    static final String NONE = "None.";

    /**
     * Model text made inert in Slack, exactly as every rendered message has it: no mention, broadcast or link syntax
     * ({@code <!channel>}, {@code <@U123>}) survives. Escaping is character by character, so the escape of a text
     * that grows starts with the escape of what it grew from.
     */
    public static String escape(String text) {
        return BlockKitBlocks.escape(text);
    }

    @Override
    public List<SlackMessage> render(Reply reply) {
        return switch (reply) {
            case Reply.Answer answer -> BlockKitFollowUps.append(answer(answer.answer()), answer.answer());
            case Reply.Notice notice ->
                pack(sections(marker(notice.tone()) + escape(notice.text().strip())));
            case Reply.LicenceCheck check -> BlockKitLicenceReport.render(check);
            case Reply.Export export -> pack(sections(escape(export.summary().strip()))); // the file follows
            case Reply.Decision decision ->
                pack(sections(escape(decision.record().title())));
        };
    }

    private static List<SlackMessage> answer(ConsultationAnswer answer) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(Labels.SUMMARY));
        blocks.addAll(sections(escape(answer.summary().strip())));
        blocks.add(header(Labels.CRITICAL_ISSUES));
        blocks.addAll(sections(
                answer.criticalIssues().isEmpty()
                        ? Labels.NO_CRITICAL_ISSUES
                        : lines(answer.criticalIssues().stream()
                                .map(issue -> "🔴 " + escape(issue.strip()))
                                .toList())));
        blocks.add(header(Labels.ANALYSIS));
        blocks.addAll(sections(
                answer.analysis().isEmpty()
                        ? NONE
                        : lines(answer.analysis().stream()
                                .map(BlockKitRenderer::area)
                                .toList())));
        blocks.add(header(Labels.RECOMMENDATIONS));
        blocks.addAll(sections(
                answer.recommendations().isEmpty()
                        ? NONE
                        : lines(answer.recommendations().stream()
                                .sorted(Comparator.comparing(
                                        Recommendation
                                                ::priority)) // blockers first: a reader who stops early still sees them
                                .map(r -> marker(r.priority()) + " *" + Labels.of(r.priority()) + ":* "
                                        + escape(r.text().strip()))
                                .toList())));
        blocks.add(header(Labels.QUESTIONS));
        List<String> questions = answer.questions();
        blocks.addAll(sections(
                questions.isEmpty()
                        ? NONE
                        : lines(IntStream.range(0, questions.size())
                                .mapToObj(i ->
                                        (i + 1) + ". " + escape(questions.get(i).strip()))
                                .toList())));
        return pack(blocks);
    }

    private static String area(AreaAnalysis area) {
        StringBuilder text =
                new StringBuilder("*").append(Labels.of(area.area())).append('*');
        area.findings().forEach(finding -> text.append("\n• ").append(escape(finding.strip())));
        return text.append('\n').toString(); // a blank line between areas, and a paragraph boundary to split on
    }

    private static String marker(Priority priority) {
        return switch (priority) {
            case CRITICAL_BLOCKER -> "🔴";
            case BEFORE_LAUNCH -> "🟠";
            case FUTURE -> "🔵";
        };
    }

    private static String marker(Reply.Tone tone) {
        return switch (tone) {
            case INFO -> "";
            case REJECTED -> "✋ ";
            case FAILED -> "⚠️ ";
        };
    }
}
