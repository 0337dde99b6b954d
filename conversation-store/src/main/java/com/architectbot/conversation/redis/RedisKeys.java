package com.architectbot.conversation.redis;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;

/**
 * The Redis keys of one thread. Every key carries the thread id as a hash tag ({@code ab:{slack:T1:C1:1700.1}:turns}),
 * so all keys of a thread live in one cluster slot and a Lua script may touch them together. The id contains
 * the surface and tenant, so tenants never share a key.
 */
final class RedisKeys {

    static final String PREFIX = "ab:";

    private RedisKeys() {}

    /** The thread's turns, oldest first, each a JSON {@link com.architectbot.conversation.Turn}. */
    static String turns(ThreadKey thread) {
        return turns(thread.id());
    }

    /** The inquiry ids of the turns in {@link #turns}, for idempotent appends. */
    static String inquiries(ThreadKey thread) {
        return inquiries(thread.id());
    }

    /** The thread's lock: holds the holder's id (an inquiry id) while held. */
    static String lock(ThreadKey thread) {
        return key(thread, "lock");
    }

    /** The holders waiting for the thread's lock, and the one holding it, scored by when they first asked (ms). */
    static String lockLine(ThreadKey thread) {
        return key(thread, "lock:line");
    }

    /** When each holder in {@link #lockLine} last showed it is alive (ms), so a dead one loses its place. */
    static String lockSeen(ThreadKey thread) {
        return key(thread, "lock:seen");
    }

    /**
     * The tenant's threads (a sorted set of thread ids scored by their last write, in ms). The tenant's
     * index keys share the hash tag {@code {tenant:<surface>:<tenant>}}, so one script may update them together.
     */
    static String tenantThreads(Surface surface, String tenant) {
        return tenantKey(surface, tenant, "threads");
    }

    /** The users who talked to the bot in the tenant, scored by their last write. */
    static String tenantUsers(Surface surface, String tenant) {
        return tenantKey(surface, tenant, "users");
    }

    /** The threads a user talked in, scored by their last write. */
    static String userThreads(Surface surface, String tenant, String user) {
        return tenantKey(surface, tenant, "user:" + user + ":threads");
    }

    /** The turns list of a thread known only by its id, as the indexes hold it. */
    static String turns(String threadId) {
        return PREFIX + "{" + threadId + "}:turns";
    }

    static String inquiries(String threadId) {
        return PREFIX + "{" + threadId + "}:inquiries";
    }

    private static String tenantKey(Surface surface, String tenant, String suffix) {
        return PREFIX + "{tenant:" + surface.id() + ":" + tenant + "}:" + suffix;
    }

    private static String key(ThreadKey thread, String suffix) {
        return PREFIX + "{" + thread.id() + "}:" + suffix;
    }
}
