package com.architectbot.queue.redis;

import static com.architectbot.queue.redis.RedisFailures.retryable;
import static java.util.Objects.requireNonNull;

import com.architectbot.core.Inquiry;
import com.architectbot.queue.QueueSettings;
import com.architectbot.tenancy.PersonalData;
import com.architectbot.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The dead-letter stream ({@code <prefix>:jobs:dead}): the jobs that failed for good, for a person to look at.
 * An entry says which inquiry failed, whose (tenant, user), what kind, why, after how many attempts and when,
 * and never what was asked: no message text, files or reply address. Bounded three ways: at most
 * {@value #MAX_LENGTH} entries, none older than {@link #RETENTION} (trimmed by {@link #trimExpired}), and the
 * stream expires a retention after its last entry.
 */
public final class RedisDeadLetters implements PersonalData {

    /** Enough to investigate, never unbounded. */
    static final long MAX_LENGTH = 10_000;
    /** Long enough for someone to look at a failure, short enough to hold little. */
    public static final Duration RETENTION = Duration.ofDays(30);
    /** Failure evidence is short; anything longer is cut, in case a message quoted more than it should. */
    static final int MAX_REASON_CHARS = 500;

    private static final int PAGE = 500;
    /** The field in which earlier releases kept the whole job, text included. */
    private static final String LEGACY_JOB = "job";

    private final UnifiedJedis redis;
    private final String stream;
    private final Clock clock;

    public RedisDeadLetters(UnifiedJedis redis, QueueSettings settings, Clock clock) {
        this.redis = requireNonNull(redis, "redis");
        this.stream = new QueueKeys(settings.keyPrefix()).deadLetters();
        this.clock = requireNonNull(clock, "clock");
    }

    /** Records a job that failed for good. */
    void add(Inquiry inquiry, String reason, long attempts, String entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("inquiry", inquiry.id().value());
        fields.put("tenant", TenantId.of(inquiry.thread()).toString());
        fields.put("user", inquiry.user());
        fields.put("kind", inquiry.kind().name());
        fields.put("attempts", Long.toString(attempts));
        write(fields, reason, entry);
    }

    /** Records an entry no worker could read: nothing of it is kept but its id and why. */
    void addUnreadable(String reason, String entry) {
        write(new LinkedHashMap<>(), reason, entry);
    }

    /** Drops the entries older than the retention, whether or not anything failed lately. */
    public long trimExpired() {
        long cutOff = clock.instant().minus(RETENTION).toEpochMilli();
        return retryable(
                "trimming " + stream,
                () -> redis.xtrim(stream, XTrimParams.xTrimParams().minId(cutOff + "-0")));
    }

    @Override
    public void eraseUser(TenantId tenant, String user) {
        erase(fields -> tenant.toString().equals(fields.get("tenant")) && user.equals(fields.get("user")));
    }

    @Override
    public void eraseTenant(TenantId tenant) {
        erase(fields -> tenant.toString().equals(fields.get("tenant")));
    }

    /** An entry's tenant and user; entries of earlier releases held the whole job instead. */
    private static Map<String, String> owner(Map<String, String> fields) {
        if (!fields.containsKey(LEGACY_JOB)) {
            return fields;
        }
        try {
            Inquiry inquiry = JobJson.read(fields.get(LEGACY_JOB)).inquiry();
            return Map.of("tenant", TenantId.of(inquiry.thread()).toString(), "user", inquiry.user());
        } catch (IllegalArgumentException unreadable) { // nobody's that we can tell: trimmed with its age
            return Map.of();
        }
    }

    private void write(Map<String, String> fields, String reason, String entry) {
        fields.put(
                "reason", reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "…");
        fields.put("entry", entry);
        fields.put("failed_at", clock.instant().toString());
        retryable("dead-lettering entry " + entry, () -> {
            redis.xadd(stream, XAddParams.xAddParams().maxLen(MAX_LENGTH).approximateTrimming(), fields);
            redis.pexpire(stream, RETENTION.toMillis());
        });
    }

    /** Pages through the stream, deleting the entries that match; the stream is bounded, so this is too. */
    private void erase(Predicate<Map<String, String>> matches) {
        StreamEntryID from = StreamEntryID.MINIMUM_ID;
        List<StreamEntry> page;
        do {
            StreamEntryID start = from;
            page = retryable("reading " + stream, () -> redis.xrange(stream, start, StreamEntryID.MAXIMUM_ID, PAGE));
            StreamEntryID[] matching = page.stream()
                    .filter(entry -> matches.test(owner(entry.getFields())))
                    .map(StreamEntry::getID)
                    .toArray(StreamEntryID[]::new);
            if (matching.length > 0) {
                retryable("erasing from " + stream, () -> redis.xdel(stream, matching));
            }
            if (!page.isEmpty()) {
                StreamEntryID last = page.getLast().getID();
                from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
            }
        } while (page.size() == PAGE);
    }
}
