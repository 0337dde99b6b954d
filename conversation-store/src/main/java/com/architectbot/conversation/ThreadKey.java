package com.architectbot.conversation;

import static java.util.Objects.requireNonNull;

/**
 * One conversation thread: a Slack thread, a Teams reply chain or chat, a CLI thread id.
 * Tenants (Slack team, Teams tenant) never share a key, so they never see each other's threads.
 */
public record ThreadKey(Surface surface, String tenant, String channel, String thread) {

    public ThreadKey {
        requireNonNull(surface, "surface");
        tenant = requireText(tenant, "tenant");
        channel = requireText(channel, "channel");
        thread = requireText(thread, "thread");
    }

    /** A stable, unique id for this thread, e.g. {@code slack:T1:C1:1700000000.000100}. */
    public String id() {
        return surface.id() + ":" + tenant + ":" + channel + ":" + thread;
    }

    @Override
    public String toString() {
        return id();
    }

    private static String requireText(String value, String name) {
        requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
