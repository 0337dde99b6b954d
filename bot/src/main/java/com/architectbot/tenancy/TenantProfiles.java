package com.architectbot.tenancy;

/** Where each tenant's plan and settings are kept. */
public interface TenantProfiles {

    /** The stored profile, or {@link TenantProfile#EMPTY}. */
    TenantProfile load(TenantId tenant);

    void save(TenantId tenant, TenantProfile profile);

    void erase(TenantId tenant);
}
