package com.architectbot.slack.blockkit;

import static com.architectbot.slack.blockkit.BlockKitBlocks.escape;
import static com.architectbot.slack.blockkit.BlockKitBlocks.header;
import static com.architectbot.slack.blockkit.BlockKitBlocks.lines;
import static com.architectbot.slack.blockkit.BlockKitBlocks.pack;
import static com.architectbot.slack.blockkit.BlockKitBlocks.sections;
import static com.architectbot.slack.blockkit.BlockKitRenderer.LICENCE_CSV_NAME;
import static com.architectbot.slack.blockkit.BlockKitRenderer.MAX_INLINE_TABLE_ROWS;

import com.architectbot.core.Reply;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReleaseFile;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.LicenceReportCsv;
import com.architectbot.render.LicenceReportText;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A licence report in Slack: its summary and problems as blocks, and its full table inline when it fits
 * in one message with them, else as a CSV file shared after the messages.
 */
final class BlockKitLicenceReport {

    private BlockKitLicenceReport() {}

    /**
     * The summary, what could not be checked, what needs attention; then the table or a pointer to the CSV. The
     * report's files are not made yet: which could not be made is said with the upload.
     */
    static List<SlackMessage> render(Reply.LicenceCheck check) {
        LicenceReport report = check.report();
        List<LayoutBlock> blocks = head(report);
        if (tableInline(report)) {
            blocks.addAll(table(report));
        } else {
            blocks.addAll(sections("The full table of all "
                    + report.dependencies().size() + " dependencies is in the attached `" + LICENCE_CSV_NAME + "`."));
        }
        blocks.addAll(sections("_Policy: " + report.model().id() + " (" + escape(report.policySource())
                + "). SPDX licence list " + escape(String.valueOf(report.listVersion())) + "._"));
        return pack(blocks);
    }

    /** Whether the check shares anything after its messages, told without making its files. */
    static boolean sharesFiles(Reply.LicenceCheck check) {
        return check.files().expected() || !tableInline(check.report());
    }

    /** Which of the check's files could not be made, in a line; makes them if not made yet. */
    static Optional<String> notMade(Reply.LicenceCheck check) {
        return LicenceReportText.missingFiles(check.files().get()).map(BlockKitBlocks::escape);
    }

    /**
     * The report's files in one upload: the full table as CSV when it is not inline, then the files a release
     * needs, made now (after the report is posted). Their names are the bot's own (see {@link ReleaseFile}), so
     * they are safe in the comment, which also names the files that could not be made.
     */
    static Optional<SlackUpload> upload(Reply.LicenceCheck check) {
        LicenceReport report = check.report();
        List<SlackFile> files = new ArrayList<>();
        if (!tableInline(report)) {
            files.add(new SlackFile(
                    LICENCE_CSV_NAME,
                    "Licence check: all " + report.dependencies().size() + " dependencies",
                    LicenceReportCsv.render(report)));
        }
        for (ReleaseFile file : check.files().get().files()) {
            files.add(new SlackFile(file.name(), file.name(), file.content()));
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SlackUpload(
                "Files of this licence check: "
                        + String.join(
                                ", ",
                                files.stream()
                                        .map(f -> "`" + f.fileName() + "`")
                                        .toList())
                        + notMade(check).map(line -> " " + line).orElse(""),
                files));
    }

    private static List<LayoutBlock> head(LicenceReport report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("Licence check"));
        blocks.addAll(sections((report.hasBlocker() ? "🔴 *" : "*") + escape(LicenceReportText.summary(report)) + "*"));
        if (!report.problems().isEmpty()) {
            blocks.addAll(sections("*Not checked*\n"
                    + lines(report.problems().stream()
                            .map(p -> "• " + (p.subject().isEmpty() ? "" : "`" + escape(p.subject()) + "`: ")
                                    + escape(p.reason()))
                            .toList())));
        }
        if (!report.needingAttention().isEmpty()) {
            blocks.addAll(sections("*Needs attention*\n"
                    + lines(report.needingAttention().stream()
                            .map(f -> (f.verdict() == Verdict.BLOCKER ? "🔴 " : "🟠 ")
                                    + escape(LicenceReportText.sentence(f)))
                            .toList())));
        }
        return blocks;
    }

    private static List<LayoutBlock> table(LicenceReport report) {
        if (report.dependencies().isEmpty()) {
            return List.of();
        }
        return sections("*All dependencies*\n"
                + lines(report.dependencies().stream()
                        .map(f -> "• " + escape(LicenceReportText.sentence(f)))
                        .toList()));
    }

    /** Inline when short and, with the summary and problems, within one message; else the CSV carries it. */
    private static boolean tableInline(LicenceReport report) {
        if (report.dependencies().size() > MAX_INLINE_TABLE_ROWS) {
            return false;
        }
        List<LayoutBlock> blocks = head(report);
        blocks.addAll(table(report));
        return pack(blocks).size() == 1;
    }
}
