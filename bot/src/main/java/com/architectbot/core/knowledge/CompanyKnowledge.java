package com.architectbot.core.knowledge;

import com.architectbot.conversation.ThreadKey;
import java.util.List;

/** The thread's tenant's own standards and decisions, searched for a question. The knowledge feature implements it. */
@FunctionalInterface
public interface CompanyKnowledge {

    /**
     * The passages of the thread's tenant's knowledge relevant to the question, most relevant first; empty when
     * nothing passes the relevance threshold. Never another tenant's.
     */
    List<Passage> relevantTo(ThreadKey thread, String question);

    /** No company knowledge: the CLI without a tenant, and tests of other features. */
    CompanyKnowledge NONE = (thread, question) -> List.of();
}
