package com.architectbot.render;

import com.architectbot.core.Reply;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Recommendation;
import java.util.Comparator;
import java.util.List;

/**
 * Renders replies as Markdown for the terminal: one document per reply, since a terminal has no message
 * size limit to split at.
 */
public final class MarkdownRenderer implements Renderer<String> {

    @Override
    public List<String> render(Reply reply) {
        return List.of(markdown(reply));
    }

    private static String markdown(Reply reply) {
        return switch (reply) {
            case Reply.Answer answer -> answer(answer.answer());
            case Reply.Notice notice -> notice.text();
            case Reply.LicenceCheck check -> LicenceReportMarkdown.render(check.report());
            case Reply.Export export -> export.summary() + "\n\n" + export.json();
            case Reply.Decision decision -> decision.record().title();
        };
    }

    private static String answer(ConsultationAnswer answer) {
        StringBuilder md = new StringBuilder();
        section(md, Labels.SUMMARY).append(answer.summary().strip()).append("\n\n");
        section(md, Labels.CRITICAL_ISSUES);
        bullets(md, answer.criticalIssues().isEmpty() ? List.of(Labels.NO_CRITICAL_ISSUES) : answer.criticalIssues());
        section(md, Labels.ANALYSIS);
        for (AreaAnalysis area : answer.analysis()) {
            md.append("### ").append(Labels.of(area.area())).append("\n\n");
            bullets(md, area.findings());
        }
        section(md, Labels.RECOMMENDATIONS);
        answer.recommendations().stream()
                .sorted(Comparator.comparing(
                        Recommendation::priority)) // blockers first: a reader who stops early still sees them
                .forEach(r -> md.append("- **")
                        .append(Labels.of(r.priority()))
                        .append(":** ")
                        .append(r.text().strip())
                        .append('\n'));
        md.append('\n');
        section(md, Labels.QUESTIONS);
        for (int i = 0; i < answer.questions().size(); i++) {
            md.append(i + 1)
                    .append(". ")
                    .append(answer.questions().get(i).strip())
                    .append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static StringBuilder section(StringBuilder md, String title) {
        return md.append("## ").append(title).append("\n\n");
    }

    private static void bullets(StringBuilder md, List<String> items) {
        items.forEach(item -> md.append("- ").append(item.strip()).append('\n'));
        md.append('\n');
    }
}
