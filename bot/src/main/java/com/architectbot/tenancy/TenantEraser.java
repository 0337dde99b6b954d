package com.architectbot.tenancy;

/**
 * Erases everything kept about a tenant: its conversations, usage, settings and audit log. Channels call
 * it when a workspace uninstalls the bot.
 */
@FunctionalInterface
public interface TenantEraser {

    void erase(TenantId tenant);

    TenantEraser NONE = tenant -> {};
}
