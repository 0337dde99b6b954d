package com.architectbot.redis;

import com.architectbot.redis.RedisUrl.Topology;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.HostAndPort;

/**
 * Reads the {@link RedisUrl} forms by hand: {@code java.net.URI} cannot hold the comma-separated host lists
 * of the cluster and sentinel forms. Messages never quote the user info, where the password sits.
 */
final class RedisUrlParser {

    private RedisUrlParser() {}

    static RedisUrl parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("no scheme");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        if (rest.contains("?") || rest.contains("#")) {
            throw new IllegalArgumentException("query parameters are not supported");
        }
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String afterUserInfo = rest.substring(at + 1);
        int slash = afterUserInfo.indexOf('/');
        String hosts = slash < 0 ? afterUserInfo : afterUserInfo.substring(0, slash);
        List<String> path = pathSegments(slash < 0 ? "" : afterUserInfo.substring(slash + 1));
        String[] credentials = credentials(userInfo);
        return switch (scheme) {
            case "redis", "rediss" -> standalone(scheme.equals("rediss"), credentials, hosts, path);
            case "redis-cluster", "rediss-cluster" -> cluster(scheme.startsWith("rediss"), credentials, hosts, path);
            case "redis-sentinel", "rediss-sentinel" -> sentinel(scheme.startsWith("rediss"), credentials, hosts, path);
            default -> throw new IllegalArgumentException("unknown scheme '" + scheme + "'");
        };
    }

    private static RedisUrl standalone(boolean tls, String[] credentials, String hosts, List<String> path) {
        List<HostAndPort> nodes = nodes(hosts, RedisUrl.DEFAULT_PORT);
        if (nodes.size() != 1) {
            throw new IllegalArgumentException("redis:// takes one host; use redis-cluster:// or redis-sentinel://");
        }
        if (path.size() > 1) {
            throw new IllegalArgumentException("the path may only hold a database number");
        }
        int database = path.isEmpty() ? 0 : database(path.get(0));
        return new RedisUrl(Topology.STANDALONE, tls, credentials[0], credentials[1], nodes, null, database);
    }

    private static RedisUrl cluster(boolean tls, String[] credentials, String hosts, List<String> path) {
        if (!path.isEmpty()) {
            throw new IllegalArgumentException("a cluster URL has no path or database");
        }
        return new RedisUrl(
                Topology.CLUSTER, tls, credentials[0], credentials[1], nodes(hosts, RedisUrl.DEFAULT_PORT), null, 0);
    }

    private static RedisUrl sentinel(boolean tls, String[] credentials, String hosts, List<String> path) {
        if (path.isEmpty() || path.size() > 2) {
            throw new IllegalArgumentException("a sentinel URL needs /masterName and may add /db");
        }
        int database = path.size() == 2 ? database(path.get(1)) : 0;
        return new RedisUrl(
                Topology.SENTINEL,
                tls,
                credentials[0],
                credentials[1],
                nodes(hosts, RedisUrl.DEFAULT_SENTINEL_PORT),
                decode(path.get(0)),
                database);
    }

    private static List<String> pathSegments(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        List<String> segments = List.of(trimmed.split("/", -1));
        if (segments.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("empty path segment");
        }
        return segments;
    }

    /** [user, password]; either may be null. */
    private static String[] credentials(String userInfo) {
        if (userInfo == null) {
            return new String[] {null, null};
        }
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            return new String[] {null, nonEmpty(decode(userInfo))};
        }
        return new String[] {
            nonEmpty(decode(userInfo.substring(0, colon))), nonEmpty(decode(userInfo.substring(colon + 1)))
        };
    }

    private static List<HostAndPort> nodes(String hosts, int defaultPort) {
        if (hosts.isBlank()) {
            throw new IllegalArgumentException("no host");
        }
        var nodes = new ArrayList<HostAndPort>();
        for (String hostPort : hosts.split(",", -1)) {
            nodes.add(node(hostPort.strip(), defaultPort));
        }
        return nodes;
    }

    private static HostAndPort node(String hostPort, int defaultPort) {
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in host");
            }
            host = hostPort.substring(1, close);
            String tail = hostPort.substring(close + 1);
            if (!tail.isEmpty() && !tail.startsWith(":")) {
                throw new IllegalArgumentException("unexpected text after ']'");
            }
            port = tail.isEmpty() ? null : tail.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw new IllegalArgumentException("bad host '" + host + "'");
        }
        return new HostAndPort(host, port == null ? defaultPort : port(port));
    }

    private static int port(String text) {
        int port = number(text, "port");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a port is out of range");
        }
        return port;
    }

    private static int database(String text) {
        return number(text, "database");
    }

    private static int number(String text, String what) {
        if (!text.matches("\\d{1,9}")) {
            // not quoted: a URL missing its '@' puts the password where the port would be
            throw new IllegalArgumentException("a " + what + " is not a number");
        }
        return Integer.parseInt(text);
    }

    private static String decode(String text) {
        try {
            // URLDecoder would turn '+' into a space; in a URL's user info a '+' is a '+'.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message quotes the text, which may be the password: say only what is wrong.
            throw new IllegalArgumentException("bad percent-encoding in the user info or master name");
        }
    }

    private static String nonEmpty(String text) {
        return text.isEmpty() ? null : text;
    }

    /**
     * Masks a URL that may not parse: everything between the first ':' of the authority and the last '@'
     * (or, with no '@', the end of the authority), because a password may sit there.
     */
    static String maskRaw(String url) {
        int schemeEnd = url.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int at = url.lastIndexOf('@');
        int slash = url.indexOf('/', start);
        int end = at >= start ? at : (slash < 0 ? url.length() : slash);
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon >= end) {
            return at >= start ? url.substring(0, start) + RedisUrl.MASK + url.substring(at) : url;
        }
        return url.substring(0, colon + 1) + RedisUrl.MASK + url.substring(end);
    }
}
