package com.architectbot.tenancy.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.answer.TokenUsage;
import com.architectbot.tenancy.AuditEntry;
import com.architectbot.tenancy.AuditLog;
import com.architectbot.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The audit log as one Redis Stream per tenant ({@code ab:{tenant:slack:T1}:audit}). Entries are appended;
 * each append trims entries older than the retention ({@code XADD ... MINID}) and sets the stream to expire
 * a retention after it, so an idle tenant's log goes whole. {@link #trimExpired} trims every log that is
 * still kept, found through {@value #STREAMS} (the logs scored by their last append), so an entry never
 * outlives the retention by more than the sweep's interval. Entry ids are our clock's milliseconds (kept
 * increasing when clocks of replicas disagree), so ids and the cut-off are on one time line.
 */
public final class RedisAuditLog implements AuditLog {

    /**
     * Appends with an id from our clock, never below the newest id, and trims below the cut-off; Redis 6.2
     * has no {@code <ms>-*} ids, so the sequence is worked out here. KEYS: stream. ARGV: now ms, cut-off ms,
     * retention ms, then field and value pairs.
     */
    /** The tenants' audit streams, scored by their last append in ms: what the sweep trims. */
    public static final String STREAMS = "ab:audit-streams";
    /** Entries read per round trip when one user's entries are erased. */
    static final int PAGE = 500;

    private static final String APPEND = """
            local ms = tonumber(ARGV[1])
            local seq = 0
            local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            if #last > 0 then
              local id = last[1][1]
              local dash = string.find(id, '-', 1, true)
              local lastMs = tonumber(string.sub(id, 1, dash - 1))
              if lastMs >= ms then
                ms = lastMs
                seq = tonumber(string.sub(id, dash + 1)) + 1
              end
            end
            local args = {'XADD', KEYS[1], 'MINID', ARGV[2], string.format('%d-%d', ms, seq)}
            for i = 4, #ARGV do
              table.insert(args, ARGV[i])
            end
            local id = redis.call(unpack(args))
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return id
            """;

    private final UnifiedJedis redis;
    private final Duration retention;
    private final Clock clock;

    public RedisAuditLog(UnifiedJedis redis, Duration retention, Clock clock) {
        this.redis = requireNonNull(redis, "redis");
        this.retention = requireNonNull(retention, "retention");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void append(TenantId tenant, AuditEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", entry.at().toString());
        fields.put("user", entry.user());
        fields.put("kind", entry.kind());
        fields.put("thread", entry.thread());
        fields.put("outcome", entry.outcome());
        fields.put("model", entry.tokens().model());
        fields.put("tokens_in", Long.toString(entry.tokens().inputTokens()));
        fields.put("tokens_out", Long.toString(entry.tokens().outputTokens()));
        entry.text().ifPresent(text -> fields.put("text", text));
        Instant now = clock.instant();
        List<String> args = new ArrayList<>(List.of(
                Long.toString(now.toEpochMilli()),
                Long.toString(now.minus(retention).toEpochMilli()),
                Long.toString(retention.toMillis())));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        String stream = new TenantKeys(tenant).audit();
        redis.eval(APPEND, List.of(stream), args);
        redis.zadd(STREAMS, now.toEpochMilli(), stream); // another slot: not in the script, for a cluster's sake
        redis.pexpire(STREAMS, retention.toMillis());
    }

    /**
     * Trims every tenant's log to the retention, whether or not anything was appended lately; forgets the logs
     * that expired. Returns how many entries went.
     */
    public long trimExpired() {
        long cutOff = clock.instant().minus(retention).toEpochMilli();
        long trimmed = 0;
        for (String stream : redis.zrange(STREAMS, 0, -1)) {
            trimmed += redis.xtrim(stream, XTrimParams.xTrimParams().minId(cutOff + "-0"));
        }
        redis.zremrangeByScore(STREAMS, Double.NEGATIVE_INFINITY, cutOff); // idle that long: now empty or expired
        return trimmed;
    }

    @Override
    public List<AuditEntry> recent(TenantId tenant, int limit) {
        List<StreamEntry> entries = redis.xrevrange(
                new TenantKeys(tenant).audit(), StreamEntryID.MAXIMUM_ID, StreamEntryID.MINIMUM_ID, limit);
        return entries.stream().map(RedisAuditLog::entry).toList();
    }

    @Override
    public void eraseUser(TenantId tenant, String user) {
        String stream = new TenantKeys(tenant).audit();
        StreamEntryID from = StreamEntryID.MINIMUM_ID;
        List<StreamEntry> page;
        do {
            page = redis.xrange(stream, from, StreamEntryID.MAXIMUM_ID, PAGE);
            StreamEntryID[] own = page.stream()
                    .filter(entry -> user.equals(entry.getFields().get("user")))
                    .map(StreamEntry::getID)
                    .toArray(StreamEntryID[]::new);
            if (own.length > 0) {
                redis.xdel(stream, own);
            }
            if (!page.isEmpty()) {
                StreamEntryID last = page.getLast().getID();
                from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
            }
        } while (page.size() == PAGE);
    }

    @Override
    public void eraseTenant(TenantId tenant) {
        String stream = new TenantKeys(tenant).audit();
        redis.del(stream);
        redis.zrem(STREAMS, stream);
    }

    private static AuditEntry entry(StreamEntry stream) {
        Map<String, String> f = stream.getFields();
        return new AuditEntry(
                Instant.parse(f.get("at")),
                f.get("user"),
                f.get("kind"),
                f.get("thread"),
                f.get("outcome"),
                new TokenUsage(
                        f.getOrDefault("model", ""),
                        Long.parseLong(f.getOrDefault("tokens_in", "0")),
                        Long.parseLong(f.getOrDefault("tokens_out", "0"))),
                Optional.ofNullable(f.get("text")));
    }
}
