package com.architectbot.ops;

import static java.util.Objects.requireNonNull;

import com.architectbot.licence.redis.CachedDependencyResolver;
import com.architectbot.licence.redis.CachedLicenceRegistry;
import com.architectbot.licence.redis.CachedPackageFiles;
import com.architectbot.licence.redis.RedisPackumentCache;
import com.architectbot.teams.redis.RedisPendingExports;
import com.architectbot.tenancy.redis.RedisAuditLog;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every key the bot writes in Redis: what it holds, what erases it and what bounds it. A test runs the bot
 * through its channels, reads every key back and fails on a key that is not here or has neither a time to
 * live nor a bound; so a new key cannot ship without an erasure rule. Patterns name the tenant
 * ({@code surface}, {@code tenant}) and the user ({@code user}) a key belongs to, where its name says.
 */
public final class StoredKeys {

    /** What erases a key, or the entries in it that belong to someone. */
    public enum Erasure {
        /** {@code forget-me} erases the user's part (or the key); {@code erase-all-data} the tenant's. */
        USER,
        /** {@code erase-all-data} (or the operator's {@code tenant erase}); it holds nothing of one user's. */
        TENANT,
        /** Uninstalling the app: Slack installation tokens, which the bot needs for as long as it is installed. */
        UNINSTALL,
        /** Held only while a request is in flight (a queued job, a lock), then deleted or lapsed. */
        IN_FLIGHT,
        /** Holds nobody's data: public registry answers, ids of requests already answered. */
        NONE
    }

    /** How a key is kept from growing forever. */
    public enum Bound {
        /** It expires: a time to live set on every write. */
        TTL,
        /** No time to live, but a bounded size: a few fields, or entries deleted as they are done. */
        SIZE
    }

    /** One kind of key. */
    public record StoredKey(String name, Pattern pattern, Erasure erasure, Bound bound) {
        public StoredKey {
            requireNonNull(name, "name");
            requireNonNull(pattern, "pattern");
            requireNonNull(erasure, "erasure");
            requireNonNull(bound, "bound");
        }
    }

    private static final String THREAD = "ab:\\{(?<surface>slack|teams|cli):(?<tenant>[^:}]+):[^}]+\\}:";
    private static final String TENANT = "ab:\\{tenant:(?<surface>slack|teams|cli):(?<tenant>[^}]+)\\}:";
    private static final String HOUR = "\\d{10}";
    private static final String DAY = "\\d{4}-\\d{2}-\\d{2}";
    private static final String INQUIRY = "ab:\\{(?:slack|teams|cli):[^}]+\\}:";

    public static final List<StoredKey> ALL = List.of(
            key("thread turns", THREAD + "turns", Erasure.USER, Bound.TTL),
            key("thread inquiry ids", THREAD + "inquiries", Erasure.USER, Bound.TTL),
            key("thread lock", THREAD + "lock", Erasure.IN_FLIGHT, Bound.TTL),
            key("line of inquiries waiting for a thread's lock", THREAD + "lock:line", Erasure.IN_FLIGHT, Bound.TTL),
            key("when each waiting inquiry was last seen", THREAD + "lock:seen", Erasure.IN_FLIGHT, Bound.TTL),
            key("tenant's threads", TENANT + "threads", Erasure.TENANT, Bound.TTL),
            key("tenant's users", TENANT + "users", Erasure.USER, Bound.TTL),
            key("user's threads", TENANT + "user:(?<user>.+):threads", Erasure.USER, Bound.TTL),
            key("tenant's requests this hour", TENANT + "requests:" + HOUR, Erasure.TENANT, Bound.TTL),
            key(
                    "user's requests this hour",
                    TENANT + "requests:" + HOUR + ":user:(?<user>.+)",
                    Erasure.USER,
                    Bound.TTL),
            key("tenant's tokens today", TENANT + "tokens:" + DAY, Erasure.TENANT, Bound.TTL),
            key("user's tokens today", TENANT + "tokens:" + DAY + ":user:(?<user>.+)", Erasure.USER, Bound.TTL),
            key("tenant's usage of a day", TENANT + "usage:" + DAY, Erasure.TENANT, Bound.TTL),
            key("tenant's usage of a month", TENANT + "usage:\\d{4}-\\d{2}", Erasure.TENANT, Bound.TTL),
            key("index of the tenant's usage keys", TENANT + "usage-index", Erasure.TENANT, Bound.TTL),
            key("tenant's plan and settings", TENANT + "profile", Erasure.TENANT, Bound.SIZE),
            key("tenant's audit log", TENANT + "audit", Erasure.USER, Bound.TTL),
            key("index of the audit logs", Pattern.quote(RedisAuditLog.STREAMS), Erasure.TENANT, Bound.TTL),
            key("answers that may be rated (model, asker)", TENANT + "answers", Erasure.USER, Bound.TTL),
            key("when each answer that may be rated was given", TENANT + "answers-by-time", Erasure.USER, Bound.TTL),
            key("ratings of answers", TENANT + "ratings", Erasure.USER, Bound.TTL),
            key("when each rating was given", TENANT + "ratings-by-time", Erasure.USER, Bound.TTL),
            key("which answer a Teams message was", TENANT + "answer-activity:[0-9a-f]{64}", Erasure.TENANT, Bound.TTL),
            key("index of the Teams answer messages", TENANT + "answer-activities", Erasure.TENANT, Bound.TTL),
            key(
                    "user's last Slack thread in a channel",
                    TENANT + "recent-thread:[^:]+:(?<user>.+)",
                    Erasure.USER,
                    Bound.TTL),
            key("index of the last Slack threads", TENANT + "recent-threads", Erasure.USER, Bound.TTL),
            key(
                    "Teams export awaiting consent",
                    Pattern.quote(RedisPendingExports.KEY_PREFIX) + "[0-9a-f]{32}",
                    Erasure.USER,
                    Bound.TTL),
            key("index of the Teams exports awaiting consent", TENANT + "exports", Erasure.USER, Bound.TTL),
            key("dead letters", "ab:jobs:dead", Erasure.USER, Bound.TTL),
            key("job queue", "ab:jobs", Erasure.IN_FLIGHT, Bound.SIZE),
            key("inquiry queued mark", INQUIRY + "enqueued", Erasure.NONE, Bound.TTL),
            key("inquiry answered mark", INQUIRY + "answered", Erasure.NONE, Bound.TTL),
            key("failures an inquiry's job caused", INQUIRY + "failures", Erasure.NONE, Bound.TTL),
            key("parts of an inquiry's replies already delivered", INQUIRY + "parts", Erasure.NONE, Bound.TTL),
            key("licence cache", Pattern.quote(CachedLicenceRegistry.KEY_PREFIX) + ".+", Erasure.NONE, Bound.TTL),
            // named by a hash of the inputs; holds the tree's package coordinates and problem lines (as the
            // licence cache holds purls), tied to no user or tenant: only the same manifest reads it back
            key(
                    "resolved dependency tree cache",
                    Pattern.quote(CachedDependencyResolver.KEY_PREFIX) + "[0-9a-f]{64}",
                    Erasure.NONE,
                    Bound.TTL),
            key(
                    "packages' own LICENSE/NOTICE files",
                    Pattern.quote(CachedPackageFiles.KEY_PREFIX) + ".+",
                    Erasure.NONE,
                    Bound.TTL),
            key("npm packument cache", Pattern.quote(RedisPackumentCache.KEY_PREFIX) + ".+", Erasure.NONE, Bound.TTL),
            key("Slack installation", "ab:slack:installation:.+", Erasure.UNINSTALL, Bound.SIZE),
            key("Slack OAuth state", "ab:slack:oauth-state:.+", Erasure.NONE, Bound.TTL));

    private StoredKeys() {}

    /** The catalogued kind of this key, if any. */
    public static Optional<StoredKey> of(String key) {
        return ALL.stream()
                .filter(stored -> stored.pattern().matcher(key).matches())
                .findFirst();
    }

    /** The named part of the key ({@code tenant}, {@code surface}, {@code user}), if its pattern has it. */
    public static Optional<String> part(String key, String name) {
        return of(key).flatMap(stored -> {
            Matcher matcher = stored.pattern().matcher(key);
            return matcher.matches() && stored.pattern().pattern().contains("?<" + name + ">")
                    ? Optional.ofNullable(matcher.group(name))
                    : Optional.empty();
        });
    }

    private static StoredKey key(String name, String regex, Erasure erasure, Bound bound) {
        return new StoredKey(name, Pattern.compile(regex), erasure, bound);
    }
}
