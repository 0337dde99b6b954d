package com.architectbot.testing;

import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.core.answer.AnswerSection;
import com.architectbot.core.answer.AreaAnalysis;
import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.core.answer.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * The drafts a model reports while it writes an answer, as the architect's streaming parser reports them: the
 * summary a few words at a time, then each list item once complete, section after section in the persona's order.
 */
public final class Drafts {

    private Drafts() {}

    /** Every draft of writing {@code answer}, the last one with all sections complete but the questions. */
    public static List<AnswerDraft> writing(ConsultationAnswer answer) {
        List<AnswerDraft> drafts = new ArrayList<>();
        String[] words = answer.summary().split(" ");
        for (int i = 0; i <= words.length; i++) {
            String sofar = String.join(" ", List.of(words).subList(0, i));
            drafts.add(new AnswerDraft(new ConsultationAnswer(sofar, null, null, null, null), AnswerSection.SUMMARY));
        }
        String summary = answer.summary();
        List<String> issues = new ArrayList<>();
        drafts.add(draft(summary, issues, List.of(), List.of(), List.of(), AnswerSection.CRITICAL_ISSUES));
        for (String issue : answer.criticalIssues()) {
            issues.add(issue);
            drafts.add(draft(summary, issues, List.of(), List.of(), List.of(), AnswerSection.CRITICAL_ISSUES));
        }
        List<AreaAnalysis> areas = new ArrayList<>();
        drafts.add(draft(summary, issues, areas, List.of(), List.of(), AnswerSection.ANALYSIS));
        for (AreaAnalysis area : answer.analysis()) {
            List<String> findings = new ArrayList<>();
            areas.add(new AreaAnalysis(area.area(), findings));
            for (String finding : area.findings()) {
                findings.add(finding);
                areas.set(areas.size() - 1, new AreaAnalysis(area.area(), findings));
                drafts.add(draft(summary, issues, areas, List.of(), List.of(), AnswerSection.ANALYSIS));
            }
        }
        List<Recommendation> recommendations = new ArrayList<>();
        drafts.add(draft(summary, issues, areas, recommendations, List.of(), AnswerSection.RECOMMENDATIONS));
        for (Recommendation r : answer.recommendations()) {
            recommendations.add(r);
            drafts.add(draft(summary, issues, areas, recommendations, List.of(), AnswerSection.RECOMMENDATIONS));
        }
        List<String> questions = new ArrayList<>();
        drafts.add(draft(summary, issues, areas, recommendations, questions, AnswerSection.QUESTIONS));
        for (String q : answer.questions()) {
            questions.add(q);
            drafts.add(draft(summary, issues, areas, recommendations, questions, AnswerSection.QUESTIONS));
        }
        return List.copyOf(drafts);
    }

    private static AnswerDraft draft(
            String summary,
            List<String> issues,
            List<AreaAnalysis> areas,
            List<Recommendation> recommendations,
            List<String> questions,
            AnswerSection writing) {
        return new AnswerDraft(new ConsultationAnswer(summary, issues, areas, recommendations, questions), writing);
    }
}
