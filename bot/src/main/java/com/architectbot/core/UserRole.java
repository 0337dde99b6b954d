package com.architectbot.core;

/**
 * What the platform says the user is in their workspace. Channels find it out (Slack's admin and owner
 * flags, a configured list of Teams admins); the core decides what each role may do.
 */
public enum UserRole {
    MEMBER,
    /** A workspace admin or owner: may see usage and change the workspace's settings. */
    ADMIN
}
