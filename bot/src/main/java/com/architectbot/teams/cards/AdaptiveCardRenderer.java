package com.architectbot.teams.cards;

import static com.architectbot.teams.cards.AdaptiveCardBlocks.colored;
import static com.architectbot.teams.cards.AdaptiveCardBlocks.heading;
import static com.architectbot.teams.cards.AdaptiveCardBlocks.pack;
import static com.architectbot.teams.cards.AdaptiveCardBlocks.subheading;
import static com.architectbot.teams.cards.AdaptiveCardBlocks.text;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Priority;
import com.architectbot.core.answer.Recommendation;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.ReleaseFilesLater;
import com.architectbot.core.report.Verdict;
import com.architectbot.render.Labels;
import com.architectbot.render.LicenceReportText;
import com.architectbot.render.Renderer;
import com.architectbot.teams.cards.AdaptiveCardBlocks.Block;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders replies as Adaptive Cards (schema 1.5) for Teams: one card per message, as many messages as
 * the answer needs. Teams refuses messages over about 28 KB, so an answer is split between blocks
 * into cards of at most {@link CardFormat#MAX_CARD_BYTES}, never cut off ({@link AdaptiveCardBlocks}). Each card
 * carries its own part of the answer as Markdown in {@code fallbackText}, for clients that cannot draw cards. An
 * answer's last card carries its suggested follow-up questions as buttons ({@link AdaptiveCardFollowUps}).
 */
public final class AdaptiveCardRenderer implements Renderer<ObjectNode> {

    @Override
    public List<ObjectNode> render(Reply reply) {
        return switch (reply) {
            case Reply.Answer answer -> AdaptiveCardFollowUps.append(answer(answer.answer()), answer.answer());
            case Reply.Notice notice -> pack(notice(notice));
            case Reply.LicenceCheck check -> licenceReport(check.report(), check.files());
            // the file itself travels as the message's attachment (teams.TeamsMessages); the card says what it is
            case Reply.Export export -> pack(notice(new Reply.Notice(Reply.Tone.INFO, export.summary())));
            case Reply.Decision decision ->
                pack(notice(new Reply.Notice(Reply.Tone.INFO, decision.record().title())));
        };
    }

    private static List<ObjectNode> answer(ConsultationAnswer answer) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(heading(Labels.SUMMARY));
        blocks.addAll(text(answer.summary(), "", false));
        blocks.add(heading(Labels.CRITICAL_ISSUES));
        if (answer.criticalIssues().isEmpty()) {
            blocks.addAll(text(Labels.NO_CRITICAL_ISSUES, "", false));
        }
        answer.criticalIssues().forEach(issue -> blocks.addAll(text(issue, "- ", true)));
        blocks.add(heading(Labels.ANALYSIS));
        for (AreaAnalysis area : answer.analysis()) {
            blocks.add(subheading(Labels.of(area.area())));
            area.findings().forEach(finding -> blocks.addAll(text(finding, "- ", false)));
        }
        blocks.add(heading(Labels.RECOMMENDATIONS));
        answer.recommendations().stream()
                .sorted(Comparator.comparing(Recommendation::priority)) // blockers first
                .forEach(r -> blocks.addAll(text(
                        r.text(),
                        "- **" + Labels.of(r.priority()) + ":** ",
                        r.priority() == Priority.CRITICAL_BLOCKER)));
        blocks.add(heading(Labels.QUESTIONS));
        for (int i = 0; i < answer.questions().size(); i++) {
            blocks.addAll(text(answer.questions().get(i), (i + 1) + ". ", false));
        }
        return pack(blocks);
    }

    /** The summary and what needs attention first; the full table follows in cards of its own. */
    private static List<ObjectNode> licenceReport(LicenceReport report, ReleaseFilesLater files) {
        List<Block> head = new ArrayList<>();
        head.add(heading("Licence check"));
        head.addAll(text(LicenceReportText.summary(report), "", report.hasBlocker()));
        if (!report.problems().isEmpty()) {
            head.add(subheading("Not checked"));
            report.problems()
                    .forEach(problem -> head.addAll(text(
                            (problem.subject().isEmpty() ? "" : problem.subject() + ": ") + problem.reason(),
                            "- ",
                            false)));
        }
        if (!report.needingAttention().isEmpty()) {
            head.add(subheading("Needs attention"));
            report.needingAttention()
                    .forEach(finding -> head.addAll(
                            text(LicenceReportText.sentence(finding), "- ", finding.verdict() == Verdict.BLOCKER)));
        }
        files.ifMade().flatMap(LicenceReportText::missingFiles).ifPresent(line -> head.addAll(text(line, "", false)));
        List<Block> table = new ArrayList<>();
        table.add(heading("All dependencies"));
        report.dependencies().forEach(finding -> table.addAll(text(LicenceReportText.sentence(finding), "- ", false)));
        List<ObjectNode> cards = new ArrayList<>(pack(head));
        cards.addAll(pack(table));
        return List.copyOf(cards);
    }

    private static List<Block> notice(Reply.Notice notice) {
        String color = switch (notice.tone()) {
            case INFO -> "default";
            case REJECTED -> "warning";
            case FAILED -> "attention";
        };
        List<Block> blocks = new ArrayList<>();
        for (String line : notice.text().strip().split("\n")) {
            blocks.addAll(colored(line, color));
        }
        return blocks;
    }
}
