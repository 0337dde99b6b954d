package com.architectbot.conversation;

/**
 * The Redis keys of one thread. Every key carries the thread id as a hash tag ({@code ab:{slack:T1:C1:1700.1}:turns}),
 * so all keys of a thread live in one cluster slot and a Lua script may touch them together. The id contains
 * the surface and tenant, so tenants never share a key.
 */
final class RedisKeys {

    static final String PREFIX = "ab:";

    private RedisKeys() {}

    /** The thread's turns, oldest first, each a JSON {@link Turn}. */
    static String turns(ThreadKey thread) {
        return key(thread, "turns");
    }

    /** The inquiry ids of the turns in {@link #turns}, for idempotent appends. */
    static String inquiries(ThreadKey thread) {
        return key(thread, "inquiries");
    }

    /** The thread's lock: holds the owner's random token while held. */
    static String lock(ThreadKey thread) {
        return key(thread, "lock");
    }

    private static String key(ThreadKey thread, String suffix) {
        return PREFIX + "{" + thread.id() + "}:" + suffix;
    }
}
