package com.architectbot.redis;

import static java.util.Objects.requireNonNull;

import java.util.List;
import redis.clients.jedis.HostAndPort;

/**
 * A parsed {@code REDIS_URL}. Accepted forms:
 * <pre>
 * redis://[user:password@]host[:port][/db]                                  one server (port 6379, db 0 by default)
 * rediss://[user:password@]host[:port][/db]                                 the same over TLS
 * redis-cluster://[user:password@]host1:port1,host2:port2                   Redis Cluster: any reachable nodes seed the topology
 * rediss-cluster://[user:password@]host1:port1,host2:port2                  the same over TLS
 * redis-sentinel://[user:password@]host1:26379,host2:26379/masterName[/db]  Sentinel: the sentinels and the master's name
 * rediss-sentinel://[user:password@]host1:26379,host2:26379/masterName[/db] the same over TLS (to sentinels and data nodes)
 * </pre>
 * Notes: a port left out is 6379 (26379 for sentinels). {@code user:} may be left out
 * ({@code redis://:password@host}, or {@code redis://password@host}) to use the default user. Characters such as
 * {@code @ : / %} in the user or password must be percent-encoded ({@code p%40ss}). IPv6 hosts go in brackets
 * ({@code [::1]:6379}). For Sentinel the credentials are for the master and replicas; the sentinels are asked
 * without credentials. A cluster has no database number. Query parameters are not accepted.
 *
 * <p>{@link #toString()} masks the password: {@code redis://user:***@host:6379/0}.
 */
public record RedisUrl(
        Topology topology,
        boolean tls,
        String user,
        String password,
        List<HostAndPort> nodes,
        String masterName,
        int database) {

    /** How the servers behind the URL are arranged; chooses the Jedis client. */
    public enum Topology {
        STANDALONE,
        CLUSTER,
        SENTINEL
    }

    public static final int DEFAULT_PORT = 6379;
    public static final int DEFAULT_SENTINEL_PORT = 26379;

    /** The accepted forms, as start-up error messages show them. */
    public static final String ACCEPTED_FORMS = String.join(
            ", ",
            "redis://[user:password@]host[:port][/db]",
            "rediss://[user:password@]host[:port][/db]",
            "redis-cluster://[user:password@]host1:port1,host2:port2",
            "rediss-cluster://...",
            "redis-sentinel://[user:password@]host1:26379,host2:26379/masterName[/db]",
            "rediss-sentinel://...");

    static final String MASK = "***";

    public RedisUrl {
        requireNonNull(topology, "topology");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one host is needed");
        }
        if (topology == Topology.SENTINEL) {
            requireNonNull(masterName, "masterName");
        }
        if (database < 0) {
            throw new IllegalArgumentException("database must not be negative");
        }
    }

    /**
     * Parses a {@code REDIS_URL} value.
     *
     * @throws IllegalArgumentException naming REDIS_URL, showing the masked value and the accepted forms
     */
    public static RedisUrl parse(String url) {
        requireNonNull(url, "url");
        try {
            return RedisUrlParser.parse(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "REDIS_URL is not a valid Redis URL (" + e.getMessage() + "): "
                            + RedisUrlParser.maskRaw(url.strip()) + ". Accepted forms: " + ACCEPTED_FORMS,
                    e);
        }
    }

    /** The URL with the password replaced by {@code ***}: safe for logs and messages. */
    public String masked() {
        var text = new StringBuilder(scheme()).append("://");
        if (password != null) {
            text.append(user == null ? "" : user).append(':').append(MASK).append('@');
        } else if (user != null) {
            text.append(user).append('@');
        }
        text.append(String.join(",", nodes.stream().map(RedisUrl::hostPort).toList()));
        if (topology == Topology.SENTINEL) {
            text.append('/').append(masterName);
        }
        if (topology != Topology.CLUSTER) {
            text.append('/').append(database);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return masked();
    }

    private String scheme() {
        String base = switch (topology) {
            case STANDALONE -> "redis";
            case CLUSTER -> "redis-cluster";
            case SENTINEL -> "redis-sentinel";
        };
        return tls ? base.replaceFirst("redis", "rediss") : base;
    }

    private static String hostPort(HostAndPort node) {
        String host = node.getHost().contains(":") ? "[" + node.getHost() + "]" : node.getHost();
        return host + ":" + node.getPort();
    }
}
