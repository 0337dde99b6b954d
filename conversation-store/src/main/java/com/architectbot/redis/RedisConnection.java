package com.architectbot.redis;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The bot's one connection to Redis: the Jedis client that fits {@code REDIS_URL}, and the embedded server
 * when this process started one. Open it once at start-up and close it at shutdown.
 *
 * <p>{@code REDIS_URL} forms (a port left out is 6379, or 26379 for sentinels):
 * <pre>
 * redis://[user:password@]host[:port][/db]                                  one server   -> RedisClient
 * rediss://[user:password@]host[:port][/db]                                 the same over TLS
 * redis-cluster://[user:password@]host1:port1,host2:port2                   Redis Cluster -> RedisClusterClient
 * rediss-cluster://[user:password@]host1:port1,host2:port2                  the same over TLS
 * redis-sentinel://[user:password@]host1:26379,host2:26379/masterName[/db]  Sentinel     -> RedisSentinelClient
 * rediss-sentinel://[user:password@]host1:26379,host2:26379/masterName[/db] the same over TLS
 * (unset)                                                                   embedded Redis on 127.0.0.1:REDIS_EMBEDDED_PORT
 * </pre>
 * Percent-encode {@code @ : / %} in a user or password ({@code p%40ss}); {@code redis://:password@host} uses
 * the default user. Sentinel credentials are for the master and replicas, not the sentinels. A malformed
 * URL stops start-up with a message that names REDIS_URL; passwords never appear in messages or logs.
 *
 * <p>When {@code REDIS_URL} is unset, an embedded Redis is started on 127.0.0.1 (port
 * {@code REDIS_EMBEDDED_PORT}, default 6390) with its append-only file in {@code REDIS_DATA_DIR} (default
 * {@code ./data}), or reused when the Redis already answering there is that embedded one (its data directory
 * is ours); any other server on the port stops start-up with a message naming {@code REDIS_EMBEDDED_PORT} and
 * {@code REDIS_URL}. Only a server this process started is stopped on {@link #close()}.
 *
 * <p>Connection failures surface as {@link StoreUnavailableException}, translated in {@link #call}.
 */
public final class RedisConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);

    private final UnifiedJedis client;
    private final String endpoint;
    private final EmbeddedRedis embedded;

    private RedisConnection(UnifiedJedis client, String endpoint, EmbeddedRedis embedded) {
        this.client = client;
        this.endpoint = endpoint;
        this.embedded = embedded;
    }

    /**
     * Opens the client for the settings' URL, or starts (or reuses) the embedded server when there is none.
     *
     * @throws StoreUnavailableException when a cluster or sentinel URL's servers cannot be reached at all
     */
    public static RedisConnection open(RedisSettings settings) {
        requireNonNull(settings, "settings");
        if (!settings.embedded()) {
            log.info("Using Redis at {}", settings.url().masked());
            return new RedisConnection(
                    connect(settings.url(), settings), settings.url().masked(), null);
        }
        EmbeddedRedis server = EmbeddedRedis.startOrReuse(settings.dataDir(), settings.embeddedPort());
        RedisUrl url = RedisUrl.parse("redis://" + EmbeddedRedis.HOST + ":" + server.port());
        try {
            return new RedisConnection(connect(url, settings), url.masked(), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The Jedis client; prefer {@link #call} so that a lost connection becomes a retryable failure. */
    public UnifiedJedis client() {
        return client;
    }

    /** The server this connection talks to, password masked: for messages and logs. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * Runs Redis commands, turning "Redis cannot be reached" into {@link StoreUnavailableException}. Redis
     * answering with an error ({@code JedisDataException}) is a bug or a misconfiguration and passes through.
     */
    public <T> T call(Function<UnifiedJedis, T> commands) {
        try {
            return commands.apply(client);
        } catch (JedisConnectionException | JedisClusterOperationException e) {
            throw unavailable(endpoint, e);
        }
    }

    /** The server's answer to PING ("PONG"). */
    public String ping() {
        return call(UnifiedJedis::ping);
    }

    /** For the readiness probe: whether Redis answers PING within the socket timeout. */
    public boolean isReachable() {
        try {
            return "PONG".equals(client.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Override
    public String toString() {
        return "RedisConnection[" + endpoint + "]";
    }

    private static UnifiedJedis connect(RedisUrl url, RedisSettings settings) {
        try {
            return JedisClients.open(url, settings.connectTimeout(), settings.socketTimeout());
        } catch (JedisConnectionException | JedisClusterOperationException e) {
            throw unavailable(url.masked(), e);
        }
    }

    private static StoreUnavailableException unavailable(String endpoint, JedisException e) {
        return new StoreUnavailableException("Redis at " + endpoint + " is unreachable: " + e.getMessage(), e);
    }
}
