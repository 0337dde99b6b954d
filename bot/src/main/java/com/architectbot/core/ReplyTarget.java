package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import java.util.Map;

/**
 * Where a reply goes, in terms only the surface's replier understands (Slack: team, channel, thread_ts;
 * Teams: the serialised conversation reference; CLI: nothing). Plain strings, so it travels in a job.
 */
public record ReplyTarget(Surface surface, Map<String, String> address) {

    public ReplyTarget {
        requireNonNull(surface, "surface");
        address = address == null ? Map.of() : Map.copyOf(address);
    }

    public String get(String name) {
        String value = address.get(name);
        if (value == null) {
            throw new IllegalStateException(surface.id() + " reply target has no '" + name + "'");
        }
        return value;
    }
}
