package com.architectbot.tenancy;

import java.util.List;

/** An append-only log per tenant, kept for a retention period. */
public interface AuditLog {

    void append(TenantId tenant, AuditEntry entry);

    /** The newest entries first, at most {@code limit}. */
    List<AuditEntry> recent(TenantId tenant, int limit);

    /** Erases the user's entries from the tenant's log; everyone else's stay. */
    void eraseUser(TenantId tenant, String user);

    void erase(TenantId tenant);
}
