package com.architectbot.core;

import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.knowledge.DecisionRecord;

/** The tenant's knowledge as the router sees it: its commands, and decision records waiting to be accepted. */
public interface KnowledgeCommands {

    /** Answers {@code knowledge add|list|show|remove|accept ...}. */
    Reply command(Inquiry inquiry);

    /**
     * Keeps a decision record written from the thread until an admin accepts it ({@code knowledge accept <id>}).
     *
     * @return the id it is accepted by
     */
    String propose(ThreadKey thread, DecisionRecord record);

    /** No knowledge: for the CLI's local path and for tests of other features. */
    KnowledgeCommands NONE = new KnowledgeCommands() {
        @Override
        public Reply command(Inquiry inquiry) {
            return new Reply.Notice(
                    Reply.Tone.REJECTED, "Company knowledge is available in Slack and Teams, not here.");
        }

        @Override
        public String propose(ThreadKey thread, DecisionRecord record) {
            return "";
        }
    };
}
