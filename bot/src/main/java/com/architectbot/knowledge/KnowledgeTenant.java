package com.architectbot.knowledge;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;

/** Whose knowledge: a Slack team or a Teams tenant. Surfaces never share one; tenants never see each other's. */
public record KnowledgeTenant(Surface surface, String id) {

    public KnowledgeTenant {
        requireNonNull(surface, "surface");
        requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    public static KnowledgeTenant of(ThreadKey thread) {
        return new KnowledgeTenant(thread.surface(), thread.tenant());
    }

    /** {@code slack:T1}, as the tenancy feature writes a tenant. */
    @Override
    public String toString() {
        return surface.id() + ":" + id;
    }
}
