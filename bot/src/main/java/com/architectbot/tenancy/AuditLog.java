package com.architectbot.tenancy;

import java.util.List;

/**
 * An append-only log per tenant, kept for a retention period. Its entries name users, so {@code forget-me}
 * erases a user's entries and the tenant's erasure the whole log, as {@link PersonalData}.
 */
public interface AuditLog extends PersonalData {

    void append(TenantId tenant, AuditEntry entry);

    /** The newest entries first, at most {@code limit}. */
    List<AuditEntry> recent(TenantId tenant, int limit);
}
