package com.architectbot.render;

import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.core.Reply;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.LicenceReportCsv;
import com.architectbot.core.report.Verdict;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Renders replies as Slack Block Kit messages: a pure function from a {@link Reply} to the messages to
 * post, in order. It uses Bolt's typed block model, so the Web API client serialises exactly what Slack
 * validates and a renderer test can read the blocks back without parsing JSON. Slack's limits are
 * enforced here by splitting, never by cutting: a long answer becomes several messages, each within
 * {@value #MAX_BLOCKS} blocks and {@value #MAX_MESSAGE_CHARS} characters, and every text block within
 * {@value #MAX_SECTION_CHARS} characters. A licence report shows its summary and problems as blocks, and its
 * full table inline when it fits in one message with them, else as a CSV file ({@link #file}).
 */
public final class BlockKitRenderer {

    /** Slack rejects a message with more blocks. */
    public static final int MAX_BLOCKS = 50;
    /** Slack rejects a section whose text is longer. */
    public static final int MAX_SECTION_CHARS = 3000;
    /** Slack rejects a header whose text is longer. */
    public static final int MAX_HEADER_CHARS = 150;
    /** Our own ceiling per message, well under Slack's undocumented total, so no message is refused as too long. */
    public static final int MAX_MESSAGE_CHARS = 12_000;
    /** Notification previews show only the start of the fallback text; the blocks carry the whole answer. */
    public static final int MAX_FALLBACK_CHARS = 3000;

    /** More rows than this are a spreadsheet's job, not a chat message's: the table goes into the CSV. */
    public static final int MAX_INLINE_TABLE_ROWS = 20;
    public static final String LICENCE_CSV_NAME = "licence-report.csv";

    static final String NONE = "None.";

    /** A file to share in the thread after the messages: the licence table as CSV. */
    public record SlackFile(String fileName, String title, String content) {}

    /** One message to post: the blocks, and the plain text Slack shows in notifications and screen readers. */
    public record SlackMessage(List<LayoutBlock> blocks, String text) {
        public SlackMessage {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty() || blocks.size() > MAX_BLOCKS) {
                throw new IllegalArgumentException("a message has 1 to " + MAX_BLOCKS + " blocks, not " + blocks.size());
            }
        }
    }

    public List<SlackMessage> render(Reply reply) {
        return switch (reply) {
            case Reply.Answer answer -> render(answer.answer());
            case Reply.Notice notice -> pack(sections(marker(notice.tone()) + escape(notice.text().strip())));
            case Reply.LicenceCheck check -> render(check.report());
            case Reply.Export export -> pack(sections(escape(export.summary().strip()))); // the file follows
        };
    }

    /** The file to share with the reply's messages: the full licence table when it is not inline, an export. */
    public Optional<SlackFile> file(Reply reply) {
        return switch (reply) {
            case Reply.Export export -> Optional.of(new SlackFile(export.fileName(), export.fileName(), export.json()));
            case Reply.LicenceCheck check when !tableInline(check.report()) -> Optional.of(new SlackFile(
                    LICENCE_CSV_NAME, "Licence check: all " + check.report().dependencies().size() + " dependencies",
                    LicenceReportCsv.render(check.report())));
            case Reply.LicenceCheck ignored -> Optional.empty();
            case Reply.Answer ignored -> Optional.empty();
            case Reply.Notice ignored -> Optional.empty();
        };
    }

    /** The summary, what could not be checked, what needs attention; then the table or a pointer to the CSV. */
    public List<SlackMessage> render(LicenceReport report) {
        List<LayoutBlock> blocks = licenceHead(report);
        if (tableInline(report)) {
            blocks.addAll(licenceTable(report));
        } else {
            blocks.addAll(sections("The full table of all " + report.dependencies().size()
                    + " dependencies is in the attached `" + LICENCE_CSV_NAME + "`."));
        }
        blocks.addAll(sections("_Policy: " + report.model().id() + " (" + escape(report.policySource())
                + "). SPDX licence list " + escape(String.valueOf(report.listVersion())) + "._"));
        return pack(blocks);
    }

    private static List<LayoutBlock> licenceHead(LicenceReport report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("Licence check"));
        blocks.addAll(sections((report.hasBlocker() ? "🔴 *" : "*")
                + escape(LicenceReportMarkdown.plainSummary(report)) + "*"));
        if (!report.problems().isEmpty()) {
            blocks.addAll(sections("*Not checked*\n" + lines(report.problems().stream()
                    .map(p -> "• " + (p.subject().isEmpty() ? "" : "`" + escape(p.subject()) + "`: ") + escape(p.reason()))
                    .toList())));
        }
        if (!report.needingAttention().isEmpty()) {
            blocks.addAll(sections("*Needs attention*\n" + lines(report.needingAttention().stream()
                    .map(f -> (f.verdict() == Verdict.BLOCKER ? "🔴 " : "🟠 ") + escape(LicenceReportMarkdown.sentence(f)))
                    .toList())));
        }
        return blocks;
    }

    private static List<LayoutBlock> licenceTable(LicenceReport report) {
        if (report.dependencies().isEmpty()) {
            return List.of();
        }
        return sections("*All dependencies*\n" + lines(report.dependencies().stream()
                .map(f -> "• " + escape(LicenceReportMarkdown.sentence(f)))
                .toList()));
    }

    /** Inline when short and, with the summary and problems, within one message; else the CSV carries it. */
    private static boolean tableInline(LicenceReport report) {
        if (report.dependencies().size() > MAX_INLINE_TABLE_ROWS) {
            return false;
        }
        List<LayoutBlock> blocks = licenceHead(report);
        blocks.addAll(licenceTable(report));
        return pack(blocks).size() == 1;
    }

    public List<SlackMessage> render(ConsultationAnswer answer) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(Labels.SUMMARY));
        blocks.addAll(sections(escape(answer.summary().strip())));
        blocks.add(header(Labels.CRITICAL_ISSUES));
        blocks.addAll(sections(answer.criticalIssues().isEmpty()
                ? Labels.NO_CRITICAL_ISSUES
                : lines(answer.criticalIssues().stream().map(issue -> "🔴 " + escape(issue.strip())).toList())));
        blocks.add(header(Labels.ANALYSIS));
        blocks.addAll(sections(answer.analysis().isEmpty() ? NONE : lines(answer.analysis().stream().map(BlockKitRenderer::area).toList())));
        blocks.add(header(Labels.RECOMMENDATIONS));
        blocks.addAll(sections(answer.recommendations().isEmpty() ? NONE : lines(answer.recommendations().stream()
                .sorted(Comparator.comparing(Recommendation::priority)) // blockers first: a reader who stops early still sees them
                .map(r -> marker(r.priority()) + " *" + Labels.of(r.priority()) + ":* " + escape(r.text().strip()))
                .toList())));
        blocks.add(header(Labels.QUESTIONS));
        List<String> questions = answer.questions();
        blocks.addAll(sections(questions.isEmpty() ? NONE : lines(IntStream.range(0, questions.size())
                .mapToObj(i -> (i + 1) + ". " + escape(questions.get(i).strip())).toList())));
        return pack(blocks);
    }

    private static String area(AreaAnalysis area) {
        StringBuilder text = new StringBuilder("*").append(Labels.of(area.area())).append('*');
        area.findings().forEach(finding -> text.append("\n• ").append(escape(finding.strip())));
        return text.append('\n').toString(); // a blank line between areas, and a paragraph boundary to split on
    }

    private static String lines(List<String> items) {
        return String.join("\n", items).strip();
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

    /** Slack's mrkdwn treats these three as control characters: escaped, model output cannot ping @channel. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static HeaderBlock header(String title) {
        if (title.length() > MAX_HEADER_CHARS) {
            throw new IllegalArgumentException("header longer than " + MAX_HEADER_CHARS + " characters: " + title);
        }
        return HeaderBlock.builder().text(PlainTextObject.builder().text(title).emoji(true).build()).build();
    }

    private static List<LayoutBlock> sections(String mrkdwn) {
        return TextChunks.split(mrkdwn, MAX_SECTION_CHARS).stream()
                .filter(piece -> !piece.isBlank()) // Slack rejects an empty section
                .map(piece -> (LayoutBlock) SectionBlock.builder()
                        .text(MarkdownTextObject.builder().text(piece).build()).build())
                .toList();
    }

    /** Fills messages in order; a header never ends a message, so it always sits above its text. */
    private static List<SlackMessage> pack(List<LayoutBlock> blocks) {
        List<SlackMessage> messages = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < blocks.size(); i++) {
            LayoutBlock block = blocks.get(i);
            int size = textOf(block).length();
            boolean keepWithNext = block instanceof HeaderBlock && i + 1 < blocks.size();
            int room = keepWithNext ? 2 : 1;
            int need = keepWithNext ? size + textOf(blocks.get(i + 1)).length() : size;
            if (!current.isEmpty() && (current.size() + room > MAX_BLOCKS || chars + need > MAX_MESSAGE_CHARS)) {
                messages.add(message(current));
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(block);
            chars += size;
        }
        if (!current.isEmpty()) {
            messages.add(message(current));
        }
        return List.copyOf(messages);
    }

    private static SlackMessage message(List<LayoutBlock> blocks) {
        String text = String.join("\n", blocks.stream().map(BlockKitRenderer::fallbackOf).toList());
        if (text.length() > MAX_FALLBACK_CHARS) {
            text = TextChunks.split(text, MAX_FALLBACK_CHARS - 1).getFirst() + "…";
        }
        return new SlackMessage(blocks, text);
    }

    private static String fallbackOf(LayoutBlock block) {
        return block instanceof HeaderBlock ? "*" + textOf(block) + "*" : textOf(block);
    }

    static String textOf(LayoutBlock block) {
        return switch (block) {
            case HeaderBlock header -> header.getText().getText();
            case SectionBlock section -> section.getText().getText();
            default -> "";
        };
    }
}
