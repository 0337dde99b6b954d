package com.architectbot.tenancy.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.Feedback;
import com.architectbot.tenancy.AnswerRating;
import com.architectbot.tenancy.AnswerRatings;
import com.architectbot.tenancy.RatedAnswer;
import com.architectbot.tenancy.TenantId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import redis.clients.jedis.UnifiedJedis;

/**
 * Rated answers and their ratings in Redis, in the tenant's slot: a hash of answers by inquiry id and a hash of
 * ratings by answer and user (values are JSON), each with a sorted set of its fields scored by time. Every write
 * first drops what is older than the retention and keeps the keys a retention after it, so an idle tenant's go
 * whole; erasure needs no scan.
 */
public final class RedisAnswerRatings implements AnswerRatings {

    /** KEYS: hash, by-time set. ARGV: cut-off ms. Drops the fields scored below the cut-off, a batch at a time. */
    private static final String PRUNE = """
            local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1], 'LIMIT', 0, 500)
            if #old > 0 then
              redis.call('HDEL', KEYS[1], unpack(old))
              redis.call('ZREM', KEYS[2], unpack(old))
            end
            return #old
            """;
    /** KEYS: hash, by-time set. ARGV: field, value, score, ttl ms. Replaces the field; returns the old value. */
    private static final String REPLACE = """
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return old
            """;
    /** KEYS: hash, by-time set. ARGV: field, value, score, ttl ms. Adds the field unless it is there. */
    private static final String ADD = """
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return 1
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnifiedJedis redis;
    private final Duration retention;
    private final Clock clock;

    /** @param retention how long an answer can be rated and a rating is kept */
    public RedisAnswerRatings(UnifiedJedis redis, Duration retention, Clock clock) {
        this.redis = requireNonNull(redis, "redis");
        this.retention = requireNonNull(retention, "retention");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void answered(TenantId tenant, RatedAnswer answer) {
        TenantKeys keys = new TenantKeys(tenant);
        ObjectNode value = JSON.createObjectNode()
                .put("model", answer.model())
                .put("asker", answer.asker())
                .put("thread", answer.thread())
                .put("at", answer.at().toString());
        write(ADD, keys.answers(), keys.answersByTime(), answer.inquiry(), value, answer.at());
    }

    @Override
    public Optional<RatedAnswer> answer(TenantId tenant, String inquiry, Instant since) {
        return Optional.ofNullable(redis.hget(new TenantKeys(tenant).answers(), inquiry))
                .map(RedisAnswerRatings::read)
                .map(node -> new RatedAnswer(
                        inquiry,
                        node.path("model").asText(),
                        node.path("asker").asText(),
                        node.path("thread").asText(),
                        Instant.parse(node.path("at").asText())))
                .filter(answer -> !answer.at().isBefore(since));
    }

    @Override
    public Optional<AnswerRating> rate(TenantId tenant, AnswerRating rating) {
        TenantKeys keys = new TenantKeys(tenant);
        ObjectNode value = JSON.createObjectNode()
                .put("inquiry", rating.inquiry())
                .put("user", rating.user())
                .put("model", rating.model())
                .put("rating", rating.rating().id())
                .put("at", rating.at().toString());
        rating.comment().ifPresent(comment -> value.put("comment", comment));
        Object old = write(REPLACE, keys.ratings(), keys.ratingsByTime(), field(rating), value, rating.at());
        return old instanceof String stored ? Optional.of(rating(stored)) : Optional.empty();
    }

    @Override
    public List<AnswerRating> since(TenantId tenant, Instant since) {
        return ratings(tenant, rating -> !rating.at().isBefore(since));
    }

    @Override
    public List<AnswerRating> of(TenantId tenant, String user) {
        return ratings(tenant, rating -> rating.user().equals(user));
    }

    @Override
    public void eraseUser(TenantId tenant, String user) {
        TenantKeys keys = new TenantKeys(tenant);
        String[] ratings =
                of(tenant, user).stream().map(RedisAnswerRatings::field).toArray(String[]::new);
        if (ratings.length > 0) {
            redis.hdel(keys.ratings(), ratings);
            redis.zrem(keys.ratingsByTime(), ratings);
        }
        String[] asked = redis.hgetAll(keys.answers()).entrySet().stream()
                .filter(entry -> read(entry.getValue()).path("asker").asText().equals(user))
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        if (asked.length > 0) {
            redis.hdel(keys.answers(), asked);
            redis.zrem(keys.answersByTime(), asked);
        }
    }

    @Override
    public void eraseTenant(TenantId tenant) {
        TenantKeys keys = new TenantKeys(tenant);
        redis.del(keys.answers(), keys.answersByTime(), keys.ratings(), keys.ratingsByTime()); // one slot
    }

    /** The tenant's ratings still within the retention (older ones wait for the next write to be dropped). */
    private List<AnswerRating> ratings(TenantId tenant, Predicate<AnswerRating> which) {
        Instant cutOff = clock.instant().minus(retention);
        List<AnswerRating> found = new ArrayList<>();
        for (String stored : redis.hvals(new TenantKeys(tenant).ratings())) {
            AnswerRating rating = rating(stored);
            if (!rating.at().isBefore(cutOff) && which.test(rating)) {
                found.add(rating);
            }
        }
        found.sort(Comparator.comparing(AnswerRating::at));
        return found;
    }

    private Object write(String script, String hash, String byTime, String field, ObjectNode value, Instant at) {
        Instant cutOff = clock.instant().minus(retention);
        redis.eval(PRUNE, List.of(hash, byTime), List.of(Long.toString(cutOff.toEpochMilli())));
        return redis.eval(
                script,
                List.of(hash, byTime),
                List.of(
                        field,
                        value.toString(),
                        Long.toString(at.toEpochMilli()),
                        Long.toString(retention.toMillis())));
    }

    /** One field per answer and user: a JSON pair, so no id can be mistaken for a separator. */
    private static String field(AnswerRating rating) {
        return JSON.createArrayNode().add(rating.inquiry()).add(rating.user()).toString();
    }

    private static AnswerRating rating(String stored) {
        JsonNode node = read(stored);
        return new AnswerRating(
                node.path("inquiry").asText(),
                node.path("user").asText(),
                node.path("model").asText(),
                Feedback.Rating.valueOf(node.path("rating").asText().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(node.get("comment")).map(JsonNode::asText),
                Instant.parse(node.path("at").asText()));
    }

    private static JsonNode read(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rating is not JSON", e);
        }
    }
}
