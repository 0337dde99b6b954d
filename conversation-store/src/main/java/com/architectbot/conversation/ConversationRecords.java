package com.architectbot.conversation;

import java.util.List;
import java.util.Map;

/**
 * What is kept of one person's, or one tenant's, conversations across all their threads: for data-rights
 * requests (export, erasure) and for erasing a tenant that uninstalled the bot.
 */
public interface ConversationRecords {

    /** The user's own turns, by thread id, each thread's oldest first; other people's turns are left out. */
    Map<String, List<Turn>> turnsOf(Surface surface, String tenant, String user);

    /** Erases the user's turns from every thread of the tenant; other people's turns stay. Returns how many. */
    int forgetUser(Surface surface, String tenant, String user);

    /** Erases every thread of the tenant. Returns how many threads had anything to erase. */
    int forgetTenant(Surface surface, String tenant);
}
