package com.architectbot.tenancy;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;

/** A paying workspace: a Slack team or a Teams tenant. Surfaces never share one. */
public record TenantId(Surface surface, String id) {

    public TenantId {
        requireNonNull(surface, "surface");
        requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    public static TenantId of(ThreadKey thread) {
        return new TenantId(thread.surface(), thread.tenant());
    }

    /** {@code slack:T1}: the hash tag of every key of the tenant. */
    @Override
    public String toString() {
        return surface.id() + ":" + id;
    }
}
