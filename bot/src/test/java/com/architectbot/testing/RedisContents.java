package com.architectbot.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Everything the test Redis holds, as text: every key with its value, whatever its type (streams read
 * with XRANGE). For asserting that something was never stored anywhere, not only where we expect it.
 */
public final class RedisContents {

    private RedisContents() {}

    /** One line per key of the test Redis's default database: the key, then its value. */
    public static String all() {
        return all(TestRedis.uri());
    }

    /** One line per key of the database at {@code url}: the key, then its value. */
    public static String all(URI url) {
        try (UnifiedJedis redis = RedisClient.create(url)) {
            StringBuilder dump = new StringBuilder();
            for (String key : keys(redis)) {
                dump.append(key).append(" = ").append(value(redis, key)).append('\n');
            }
            return dump.toString();
        }
    }

    /** The entries of one stream, as XRANGE returns them. */
    public static String stream(URI url, String key) {
        try (UnifiedJedis redis = RedisClient.create(url)) {
            return redis.xrange(key, (StreamEntryID) null, (StreamEntryID) null).toString();
        }
    }

    /** Empties the database at {@code url}. */
    public static void flush(URI url) {
        try (UnifiedJedis redis = RedisClient.create(url)) {
            redis.flushDB();
        }
    }

    /** Every key in the database, by SCAN (never KEYS), sorted. */
    public static List<String> keys(UnifiedJedis redis) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().count(500));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys.stream().distinct().sorted().toList();
    }

    private static String value(UnifiedJedis redis, String key) {
        return switch (redis.type(key)) {
            case "string" -> redis.get(key);
            case "hash" -> redis.hgetAll(key).toString();
            case "list" -> redis.lrange(key, 0, -1).toString();
            case "set" -> redis.smembers(key).toString();
            case "zset" -> redis.zrange(key, 0, -1).toString();
            case "stream" ->
                redis.xrange(key, (StreamEntryID) null, (StreamEntryID) null).toString();
            default -> "(" + redis.type(key) + ")"; // expired between SCAN and TYPE
        };
    }
}
