package com.architectbot.core;

import com.architectbot.conversation.Surface;

/** What the bot says it can do, in the words of the surface the user is on. */
public final class HelpText {

    private HelpText() {}

    public static String on(Surface surface) {
        return switch (surface) {
            case SLACK -> """
                    I'm a production architect: ask me about launch readiness, scaling, licensing, \
                    multi-tenancy, billing, support tooling, updates or security.
                    • Mention me in a channel (I answer in the thread and remember it), or message me directly.
                    • `/architect <question>` starts a consultation here; `/architect forget` erases this \
                    conversation's context.
                    • `/architect export` sends you your conversations as a file; `/architect forget-me` erases them \
                    everywhere. Admins: `/architect usage`, `/architect settings [licence-policy ...] [model ...]`, \
                    `/architect erase-all-data` (erases all of this workspace's data, after you confirm).
                    • `/license-check <purl | group:artifact:version | name@version ...> [--policy saas|distributed|internal]` \
                    checks open-source licences; you can also send me a pom.xml, package.json or lockfile.""";
            case TEAMS -> """
                    I'm a production architect: ask me about launch readiness, scaling, licensing, \
                    multi-tenancy, billing, support tooling, updates or security.
                    • Mention me in a channel (I answer in the reply chain and remember it), or chat with me directly.
                    • `license-check <purl | group:artifact:version | name@version ...> [--policy saas|distributed|internal]` \
                    checks open-source licences; you can also send me a pom.xml, package.json or lockfile.
                    • `forget` erases this conversation's context; `help` shows this message.
                    • In a personal chat: `export` sends you your conversations; `forget-me` erases them everywhere. \
                    Admins: `usage`, `settings [licence-policy ...] [model ...]`, `erase-all-data` (erases all of \
                    this organisation's data, after you confirm).""";
            case CLI -> """
                    architect-bot consult [--thread ID] "question"   ask the production architect
                    architect-bot license-check [--policy ...] (FILE | PURL | COORDS)...   check licences
                    architect-bot serve   run the Slack and Teams bot
                    architect-bot tenant (plan|usage|erase) ...   operators: a tenant's plan, usage or erasure""";
        };
    }
}
