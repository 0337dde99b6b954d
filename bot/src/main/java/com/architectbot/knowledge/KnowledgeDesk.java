package com.architectbot.knowledge;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.KnowledgeCommands;
import com.architectbot.core.Reply;
import com.architectbot.core.knowledge.DecisionRecord;

/** The knowledge feature as the router sees it: the {@code knowledge} commands and proposed decision records. */
public final class KnowledgeDesk implements KnowledgeCommands {

    private final KnowledgeCommand commands;
    private final ProposedDecisions proposals;

    public KnowledgeDesk(KnowledgeCommand commands, ProposedDecisions proposals) {
        this.commands = commands;
        this.proposals = proposals;
    }

    @Override
    public Reply command(Inquiry inquiry) {
        return commands.answer(inquiry);
    }

    @Override
    public String propose(ThreadKey thread, DecisionRecord record) {
        return proposals.propose(KnowledgeTenant.of(thread), record);
    }
}
