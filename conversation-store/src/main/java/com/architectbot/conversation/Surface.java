package com.architectbot.conversation;

/** Where an inquiry came from and where its answer goes back to. */
public enum Surface {
    SLACK,
    TEAMS,
    CLI;

    /** The short lower-case name used in keys and logs. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
