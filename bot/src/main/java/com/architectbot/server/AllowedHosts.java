package com.architectbot.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts the bot may call when a URL arrives in a payload (an activity's {@code serviceUrl}, a file's
 * {@code downloadUrl}): the URL decides nothing on its own say-so.
 *
 * <p>An entry is a host ({@code smba.trafficmanager.net}) or all subdomains of one ({@code *.sharepoint.com}):
 * https only, and the host must resolve to public addresses only (no loopback, private, link-local such as
 * the cloud metadata address, or other special ranges). An entry written {@code http://host} stands for a
 * fake on this machine (tests, the Emulator): it allows plain http and local addresses for exactly that host.
 *
 * @param variable the setting the entries came from, named in every refusal so an operator knows what to change
 */
public record AllowedHosts(String variable, List<Entry> entries) {

    /** One allowed host; {@code local} entries allow plain http and non-public addresses. */
    public record Entry(String host, boolean wildcard, boolean local) {}

    public AllowedHosts {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a comma-separated list.
     *
     * @throws IllegalArgumentException naming the variable when an entry is not a host, wildcard or http://host
     */
    public static AllowedHosts parse(String variable, String value) {
        List<Entry> entries = Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(entry -> entry(variable, entry))
                .toList();
        return new AllowedHosts(variable, entries);
    }

    private static Entry entry(String variable, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean local = lower.startsWith("http://");
        String host = local ? lower.substring("http://".length()) : lower;
        boolean wildcard = host.startsWith("*.");
        String name = wildcard ? host.substring(2) : host;
        if (name.isEmpty() || !name.matches("[a-z0-9.\\-]+|\\[[0-9a-f:.]+]") || (local && wildcard)) {
            throw new IllegalArgumentException(variable + " entry '" + text + "' is not valid: list host names "
                    + "(smba.trafficmanager.net), wildcards for subdomains (*.sharepoint.com) or, for a fake on this "
                    + "machine only, http://127.0.0.1");
        }
        return new Entry(name, wildcard, local);
    }

    /**
     * Why the bot must not call this URL, judged by its scheme and host name only (no DNS: cheap enough
     * for the request thread); empty when allowed.
     */
    public Optional<String> refusalByName(URI url) {
        if (url == null || url.getHost() == null || url.getRawUserInfo() != null) {
            return Optional.of("the URL has no plain host");
        }
        String host = normalised(url.getHost());
        Optional<Entry> entry = entryFor(host);
        if (entry.isEmpty()) {
            return Optional.of("host " + host + " is not in " + variable);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && entry.get().local())) {
            return Optional.of(scheme + "://" + host + " is not https");
        }
        return Optional.empty();
    }

    /** Why the bot must not call this URL, including where its host resolves to; empty when allowed. */
    public Optional<String> refusal(URI url) {
        Optional<String> byName = refusalByName(url);
        if (byName.isPresent()) {
            return byName;
        }
        String host = normalised(url.getHost());
        if (entryFor(host).orElseThrow().local()) {
            return Optional.empty();
        }
        try {
            for (InetAddress address :
                    InetAddress.getAllByName(host.replace("[", "").replace("]", ""))) {
                if (!isPublic(address)) {
                    return Optional.of("host " + host + " resolves to a non-public address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " cannot be resolved");
        }
    }

    /**
     * The client for calls to allow-listed hosts: it never follows a redirect on its own, since each hop's host
     * must be checked (or refused) before anything is sent to it.
     */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private Optional<Entry> entryFor(String host) {
        return entries.stream()
                .filter(e -> e.wildcard() ? host.endsWith("." + e.host()) : host.equals(e.host()))
                .findFirst();
    }

    private static String normalised(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** Loopback, private, link-local (169.254.169.254, the cloud metadata service), CGNAT, ULA and the like are not. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first != 0
                    && !(first == 100 && (second & 0xC0) == 64)
                    && !(first == 198 && (second & 0xFE) == 18)
                    && first < 240;
        }
        return (b[0] & 0xFE) != 0xFC; // fc00::/7, unique local
    }

    @Override
    public String toString() {
        return entries.stream()
                .map(e -> (e.local() ? "http://" : "") + (e.wildcard() ? "*." : "") + e.host())
                .toList()
                .toString();
    }
}
