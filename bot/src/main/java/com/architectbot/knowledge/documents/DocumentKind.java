package com.architectbot.knowledge.documents;

/** What a document is to the architect: a decision already taken, or a standard, guideline or runbook. */
public enum DocumentKind {
    /** An architecture decision record (MADR or Nygard); its status says whether it still holds. */
    DECISION_RECORD,
    /** A standard, guideline, runbook or any other document of the company's. */
    DOCUMENT
}
