package com.architectbot.tenancy;

/**
 * A store outside tenancy's own that keeps something about a tenant's users (recent threads, pending exports,
 * dead letters): {@code forget-me} erases a user's part of it and {@code erase-all-data} the tenant's.
 */
public interface PersonalData {

    /** Erases what is kept about this user in this tenant; other users' data stays. */
    void eraseUser(TenantId tenant, String user);

    /** Erases what is kept about the tenant and every one of its users. */
    void eraseTenant(TenantId tenant);
}
