package com.architectbot.knowledge;

import com.architectbot.core.Inquiry;
import com.architectbot.core.Reply;

/** {@code knowledge add|list|show|remove|accept}: what each does and who may. */
public final class KnowledgeCommand {

    private final KnowledgeLibrary library;
    private final ProposedDecisions proposals;

    public KnowledgeCommand(KnowledgeLibrary library, ProposedDecisions proposals) {
        this.library = library;
        this.proposals = proposals;
    }

    Reply answer(Inquiry inquiry) {
        return new Reply.Notice(Reply.Tone.REJECTED, "Company knowledge commands are not available yet.");
    }
}
