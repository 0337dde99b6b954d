package com.architectbot.teams.redis;

import com.architectbot.consultation.RetryableFailure;
import com.architectbot.redis.ValueCipher;
import com.architectbot.teams.PendingExports;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Exports waiting for consent, as Redis strings (JSON, encrypted with {@link ValueCipher}: an export holds a
 * user's conversations) that expire by themselves.
 */
public final class RedisPendingExports implements PendingExports {

    public static final String KEY_PREFIX = "ab:teams:export:";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis redis;
    private final Duration ttl;
    private final ValueCipher cipher;

    public RedisPendingExports(UnifiedJedis redis, Duration ttl, ValueCipher cipher) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the export TTL must be positive, got " + ttl);
        }
        this.redis = redis;
        this.ttl = ttl;
        this.cipher = cipher;
    }

    @Override
    public String keep(Pending export) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        try {
            String value = JSON.writeValueAsString(Map.of("user", export.user(), "name", export.fileName(),
                    "json", export.json()));
            redis.set(KEY_PREFIX + id, cipher.seal(KEY_PREFIX + id, value), SetParams.setParams().ex(ttl.toSeconds())); // one command: never kept forever
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
            return Optional.of(new Pending(fields.path("user").asText(), fields.path("name").asText(),
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
                redis.del(KEY_PREFIX + id);
            } catch (JedisException e) {
                throw new RetryableFailure("could not drop a pending export from Redis", e);
            }
        }
    }
}
