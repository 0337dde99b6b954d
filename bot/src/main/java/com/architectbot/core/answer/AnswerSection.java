package com.architectbot.core.answer;

/** The persona's sections, in the order the model writes them and every surface shows them. */
public enum AnswerSection {
    SUMMARY,
    CRITICAL_ISSUES,
    ANALYSIS,
    RECOMMENDATIONS,
    QUESTIONS
}
