package com.architectbot.render;

import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Recommendation;
import java.util.List;

/**
 * An answer being written, as Markdown that only grows: each section in the persona's order up to the one being
 * written, items in the order they arrived (the final answer sorts recommendations; a draft must not reorder what
 * is already shown). The Markdown of a later draft starts with the Markdown of an earlier one, so a surface that can
 * only append (Slack's {@code chat.appendStream}) sends the difference. The model's text in it is escaped here, once
 * ({@link MarkdownText}): our headings, bullets and bold stay Markdown, its text forms no link.
 */
public final class DraftMarkdown {

    private DraftMarkdown() {}

    public static String render(AnswerDraft draft) {
        ConsultationAnswer sofar = draft.sofar();
        StringBuilder md = new StringBuilder();
        for (AnswerSection section : AnswerSection.values()) {
            if (section.ordinal() > draft.writing().ordinal()) {
                break;
            }
            boolean finished = draft.finished(section);
            switch (section) {
                case SUMMARY -> summary(md, sofar.summary(), finished);
                case CRITICAL_ISSUES -> issues(md, sofar.criticalIssues(), finished);
                case ANALYSIS -> analysis(md, sofar.analysis());
                case RECOMMENDATIONS -> recommendations(md, sofar.recommendations());
                case QUESTIONS -> questions(md, sofar.questions());
            }
        }
        return md.toString();
    }

    private static void summary(StringBuilder md, String text, boolean finished) {
        heading(md, Labels.SUMMARY).append(MarkdownText.escape(text.stripLeading()));
        if (finished) {
            md.append("\n\n");
        }
    }

    private static void issues(StringBuilder md, List<String> issues, boolean finished) {
        heading(md, Labels.CRITICAL_ISSUES);
        bullets(md, issues.isEmpty() && finished ? List.of(Labels.NO_CRITICAL_ISSUES) : issues);
    }

    private static void analysis(StringBuilder md, List<AreaAnalysis> areas) {
        heading(md, Labels.ANALYSIS);
        for (AreaAnalysis area : areas) {
            // the blank line goes before an area, not after one: a finding added later must extend, not break, it
            if (!md.toString().endsWith("\n\n")) {
                md.append('\n');
            }
            md.append("### ").append(Labels.of(area.area())).append("\n\n");
            bullets(md, area.findings());
        }
    }

    private static void recommendations(StringBuilder md, List<Recommendation> recommendations) {
        heading(md, Labels.RECOMMENDATIONS);
        for (Recommendation r : recommendations) {
            md.append("- **").append(Labels.of(r.priority())).append(":** ");
            md.append(MarkdownText.escape(r.text().strip())).append('\n');
        }
    }

    private static void questions(StringBuilder md, List<String> questions) {
        heading(md, Labels.QUESTIONS);
        for (int i = 0; i < questions.size(); i++) {
            md.append(i + 1)
                    .append(". ")
                    .append(MarkdownText.escape(questions.get(i).strip()))
                    .append('\n');
        }
    }

    /** A section's heading, after a blank line when something came before it. */
    private static StringBuilder heading(StringBuilder md, String title) {
        if (!md.isEmpty() && !md.toString().endsWith("\n\n")) {
            md.append(md.charAt(md.length() - 1) == '\n' ? "\n" : "\n\n");
        }
        return md.append("## ").append(title).append("\n\n");
    }

    private static void bullets(StringBuilder md, List<String> items) {
        items.forEach(item ->
                md.append("- ").append(MarkdownText.escape(item.strip())).append('\n'));
    }
}
