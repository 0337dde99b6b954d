package com.architectbot.teams.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.conversation.Surface;
import com.architectbot.core.InquiryId;
import com.architectbot.teams.AnswerActivities;
import com.architectbot.tenancy.PersonalData;
import com.architectbot.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Answer activities in Redis: one key per activity, {@code ab:{tenant:teams:<tenant>}:answer-activity:<hash>}, the
 * hash of the conversation and the activity id (both arrive from outside when looked up), holding the inquiry id and
 * expiring after the retention. An index per tenant (scored by expiry) lets the tenant's erasure find its keys
 * without a scan. It names no user, so {@code forget-me} has nothing to erase here.
 */
public final class RedisAnswerActivities implements AnswerActivities, PersonalData {

    private final UnifiedJedis redis;
    private final Duration retention;
    private final Clock clock;

    public RedisAnswerActivities(UnifiedJedis redis, Duration retention, Clock clock) {
        this.redis = requireNonNull(redis, "redis");
        this.retention = requireNonNull(retention, "retention");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void remember(String tenant, String conversation, String activityId, InquiryId inquiry) {
        String key = key(tenant, conversation, activityId);
        long now = clock.millis();
        redis.set(key, inquiry.value(), SetParams.setParams().px(retention.toMillis()));
        String index = index(tenant);
        redis.zremrangeByScore(index, Double.NEGATIVE_INFINITY, now); // expired keys: gone already
        redis.zadd(index, now + retention.toMillis(), key);
        redis.pexpire(index, retention.toMillis());
    }

    @Override
    public Optional<InquiryId> inquiryOf(String tenant, String conversation, String activityId) {
        return Optional.ofNullable(redis.get(key(tenant, conversation, activityId)))
                .map(InquiryId::new);
    }

    @Override
    public void eraseUser(TenantId tenant, String user) {} // names no user

    @Override
    public void eraseTenant(TenantId tenant) {
        if (tenant.surface() != Surface.TEAMS) {
            return;
        }
        String index = index(tenant.id());
        List<String> keys = new ArrayList<>(redis.zrange(index, 0, -1));
        keys.add(index);
        redis.del(keys.toArray(String[]::new)); // one slot: one DEL, also on a cluster
    }

    private static String prefix(String tenant) {
        return "ab:{tenant:" + new TenantId(Surface.TEAMS, tenant) + "}:";
    }

    private static String index(String tenant) {
        return prefix(tenant) + "answer-activities";
    }

    private static String key(String tenant, String conversation, String activityId) {
        return prefix(tenant) + "answer-activity:" + sha256(conversation + "\n" + activityId);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
