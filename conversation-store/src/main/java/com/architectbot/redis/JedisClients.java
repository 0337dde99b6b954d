package com.architectbot.redis;

import java.time.Duration;
import java.util.LinkedHashSet;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/** Builds the Jedis client that fits a URL's topology. */
final class JedisClients {

    /** Shown by {@code CLIENT LIST} on the server, so operators can tell our connections apart. */
    static final String CLIENT_NAME = "architect-bot";
    /**
     * Jedis pools 8 connections by default; every worker, reclaimer and request thread borrows one, so with 16+
     * workers enqueues on the request threads would wait behind them.
     */
    static final int MAX_CONNECTIONS = 64;

    private JedisClients() {}

    static UnifiedJedis open(RedisUrl url, Duration connectTimeout, Duration socketTimeout) {
        var nodes = new LinkedHashSet<>(url.nodes());
        return switch (url.topology()) {
            case STANDALONE ->
                RedisClient.builder()
                        .poolConfig(pool())
                        .hostAndPort(url.nodes().get(0))
                        .clientConfig(dataNodes(url, connectTimeout, socketTimeout)
                                .database(url.database())
                                .build())
                        .build();
            case CLUSTER ->
                RedisClusterClient.builder()
                        .poolConfig(pool())
                        .nodes(nodes)
                        .clientConfig(
                                dataNodes(url, connectTimeout, socketTimeout).build())
                        .build();
            case SENTINEL ->
                RedisSentinelClient.builder()
                        .poolConfig(pool())
                        .masterName(url.masterName())
                        .sentinels(nodes)
                        .clientConfig(dataNodes(url, connectTimeout, socketTimeout)
                                .database(url.database())
                                .build())
                        .sentinelClientConfig(
                                timeouts(url, connectTimeout, socketTimeout).build())
                        .build();
        };
    }

    private static ConnectionPoolConfig pool() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        return pool;
    }

    private static DefaultJedisClientConfig.Builder dataNodes(RedisUrl url, Duration connect, Duration socket) {
        return timeouts(url, connect, socket)
                .user(url.user())
                .password(url.password())
                .clientName(CLIENT_NAME);
    }

    private static DefaultJedisClientConfig.Builder timeouts(RedisUrl url, Duration connect, Duration socket) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(connect.toMillis()))
                .socketTimeoutMillis(Math.toIntExact(socket.toMillis()))
                .ssl(url.tls());
    }
}
