package com.architectbot.teams.redis;

import com.architectbot.conversation.Surface;
import com.architectbot.core.RetryableFailure;
import com.architectbot.redis.ValueCipher;
import com.architectbot.teams.PendingExports;
import com.architectbot.tenancy.PersonalData;
import com.architectbot.tenancy.TenantId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Exports waiting for consent, as Redis strings (JSON, encrypted with {@link ValueCipher}: an export holds a
 * user's conversations) that expire by themselves, and an index of them per tenant
 * ({@code ab:{tenant:teams:<tenant>}:exports}, members {@code <id>:<user>} scored by their expiry, expired members
 * dropped on every write), so {@code forget-me} and {@code erase-all-data} reach them.
 */
public final class RedisPendingExports implements PendingExports, PersonalData {

    public static final String KEY_PREFIX = "ab:teams:export:";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final int ID_LENGTH = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis redis;
    private final Duration ttl;
    private final ValueCipher cipher;
    private final Clock clock;

    public RedisPendingExports(UnifiedJedis redis, Duration ttl, ValueCipher cipher, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the export TTL must be positive, got " + ttl);
        }
        this.redis = redis;
        this.ttl = ttl;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String keep(Pending export) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        try {
            String value = JSON.writeValueAsString(Map.of(
                    "tenant",
                    export.tenant(),
                    "user",
                    export.user(),
                    "name",
                    export.fileName(),
                    "json",
                    export.json()));
            redis.set(
                    KEY_PREFIX + id,
                    cipher.seal(KEY_PREFIX + id, value),
                    SetParams.setParams().ex(ttl.toSeconds())); // one command: never kept forever
            index(export.tenant(), id + ":" + export.user());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending export is not serialisable", e);
        } catch (JedisException e) {
            throw new RetryableFailure("could not keep an export for consent in Redis", e);
        }
        return id;
    }

    @Override
    public Optional<Pending> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try {
            String stored = redis.get(KEY_PREFIX + id);
            if (stored == null) {
                return Optional.empty();
            }
            JsonNode fields = JSON.readTree(cipher.open(KEY_PREFIX + id, stored));
            return Optional.of(new Pending(
                    fields.path("tenant").asText(),
                    fields.path("user").asText(),
                    fields.path("name").asText(),
                    fields.path("json").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending export in Redis is not valid JSON", e);
        } catch (JedisException e) {
            throw new RetryableFailure("could not read a pending export from Redis", e);
        }
    }

    @Override
    public void drop(String id) {
        if (id != null && ID.matcher(id).matches()) {
            try {
                redis.del(KEY_PREFIX + id); // its index member goes when it would have expired
            } catch (JedisException e) {
                throw new RetryableFailure("could not drop a pending export from Redis", e);
            }
        }
    }

    @Override
    public void eraseUser(TenantId tenant, String user) {
        erase(tenant, member -> member.substring(ID_LENGTH + 1).equals(user));
    }

    @Override
    public void eraseTenant(TenantId tenant) {
        erase(tenant, member -> true);
        if (tenant.surface() == Surface.TEAMS) {
            redis.del(index(tenant.id()));
        }
    }

    private void index(String tenant, String member) {
        String index = index(tenant);
        long now = clock.millis();
        redis.zadd(index, now + ttl.toMillis(), member); // another slot than the export: not one script
        redis.zremrangeByScore(index, Double.NEGATIVE_INFINITY, now);
        redis.pexpire(index, ttl.toMillis());
    }

    /** Each export is in a slot of its own, so each is deleted on its own (also on a cluster). */
    private void erase(TenantId tenant, Predicate<String> matches) {
        if (tenant.surface() != Surface.TEAMS) {
            return;
        }
        List<String> members =
                redis.zrange(index(tenant.id()), 0, -1).stream().filter(matches).toList();
        for (String member : members) {
            redis.del(KEY_PREFIX + member.substring(0, ID_LENGTH));
            redis.zrem(index(tenant.id()), member);
        }
    }

    private static String index(String tenant) {
        return "ab:{tenant:" + Surface.TEAMS.id() + ":" + tenant + "}:exports";
    }
}
