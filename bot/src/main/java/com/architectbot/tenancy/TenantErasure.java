package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.ConversationRecords;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases everything kept about a tenant: its conversations, its settings and plan, and every other store.
 *
 * @param stores every store besides the conversations and profiles: usage, the audit log and the others
 */
record TenantErasure(ConversationRecords records, TenantProfiles profiles, List<PersonalData> stores)
        implements TenantEraser {

    private static final Logger LOG = LoggerFactory.getLogger(TenantErasure.class);

    TenantErasure {
        requireNonNull(records, "records");
        requireNonNull(profiles, "profiles");
        stores = List.copyOf(stores);
    }

    @Override
    public void erase(TenantId tenant) {
        int threads = records.forgetTenant(tenant.surface(), tenant.id());
        profiles.erase(tenant);
        stores.forEach(store -> store.eraseTenant(tenant));
        LOG.info("erased tenant {}: {} thread(s), settings and {} other store(s)", tenant, threads, stores.size());
    }
}
