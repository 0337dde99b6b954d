package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The architect's answer in the persona's fixed structure, with the tenant's own documents it cites. Every
 * renderer draws this record and only formats it.
 */
public record ConsultationAnswer(
        String summary,
        List<String> criticalIssues,
        List<AreaAnalysis> analysis,
        List<Recommendation> recommendations,
        List<String> questions,
        List<Source> sources) {

    public ConsultationAnswer {
        requireNonNull(summary, "summary");
        criticalIssues = copyOrEmpty(criticalIssues); // the model omits empty sections
        analysis = copyOrEmpty(analysis);
        recommendations = copyOrEmpty(recommendations);
        questions = copyOrEmpty(questions);
        sources = copyOrEmpty(sources); // none when the tenant has no knowledge relevant to the question
    }

    /** An answer that cites none of the tenant's knowledge. */
    public ConsultationAnswer(
            String summary,
            List<String> criticalIssues,
            List<AreaAnalysis> analysis,
            List<Recommendation> recommendations,
            List<String> questions) {
        this(summary, criticalIssues, analysis, recommendations, questions, List.of());
    }

    /** The same answer citing these sources. */
    public ConsultationAnswer withSources(List<Source> cited) {
        return new ConsultationAnswer(summary, criticalIssues, analysis, recommendations, questions, cited);
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
