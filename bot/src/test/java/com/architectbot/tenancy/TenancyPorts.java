package com.architectbot.tenancy;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.UserRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** In-memory stores behind tenancy's own ports, for the parts' unit tests; the Redis ones are tested in {@link TenancyTest}. */
final class TenancyPorts {

    static final ThreadKey THREAD = new ThreadKey(Surface.SLACK, "T1", "C1", "1.1");
    static final TenantId TENANT = TenantId.of(THREAD);

    private TenancyPorts() {}

    static Inquiry inquiry(InquiryKind kind, UserRole role, String text) {
        return new Inquiry(new InquiryId("slack:Ev1"), kind, THREAD, "U1", text, List.of(), role);
    }

    static final class Profiles implements TenantProfiles {
        final Map<TenantId, TenantProfile> stored = new HashMap<>();

        @Override
        public TenantProfile load(TenantId tenant) {
            return stored.getOrDefault(tenant, TenantProfile.EMPTY);
        }

        @Override
        public void save(TenantId tenant, TenantProfile profile) {
            stored.put(tenant, profile);
        }

        @Override
        public void erase(TenantId tenant) {
            stored.remove(tenant);
        }
    }

    static final class Log implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void append(TenantId tenant, AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> recent(TenantId tenant, int limit) {
            return entries.reversed().stream().limit(limit).toList();
        }

        @Override
        public void eraseUser(TenantId tenant, String user) {
            entries.removeIf(entry -> entry.user().equals(user));
        }

        @Override
        public void eraseTenant(TenantId tenant) {
            entries.clear();
        }
    }
}
