package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The architect's answer in the persona's fixed structure. Every renderer draws this record and
 * only formats it.
 */
public record ConsultationAnswer(
        String summary,
        List<String> criticalIssues,
        List<AreaAnalysis> analysis,
        List<Recommendation> recommendations,
        List<String> questions) {

    public ConsultationAnswer {
        requireNonNull(summary, "summary");
        criticalIssues = copyOrEmpty(criticalIssues); // the model omits empty sections
        analysis = copyOrEmpty(analysis);
        recommendations = copyOrEmpty(recommendations);
        questions = copyOrEmpty(questions);
    }

    public List<Recommendation> blockers() {
        return recommendations.stream()
                .filter(r -> r.priority() == Priority.CRITICAL_BLOCKER)
                .toList();
    }

    private static <T> List<T> copyOrEmpty(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
