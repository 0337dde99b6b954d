package com.architectbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, validated reads of configuration variables. Every feature's settings record reads through
 * this, so a wrong value fails at start-up with one message that names the variable and the fix.
 * It wraps a map (the process environment in production, a literal map in tests).
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The trimmed value, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public boolean isSet(String name) {
        return optional(name).isPresent();
    }

    /** A whole number no smaller than {@code min}. */
    public int integer(String name, int fallback, int min) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min) {
                throw invalid(name, value.get(), "a whole number of at least " + min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, value.get(), "a whole number of at least " + min);
        }
    }

    /** A duration given in whole seconds, e.g. {@code LLM_TIMEOUT_SECONDS=60}. */
    public Duration seconds(String name, Duration fallback) {
        return Duration.ofSeconds(integer(name, (int) fallback.toSeconds(), 1));
    }

    /** A duration given in whole days, e.g. {@code CONTEXT_TTL_DAYS=30}. */
    public Duration days(String name, Duration fallback) {
        return Duration.ofDays(integer(name, (int) fallback.toDays(), 1));
    }

    /** An absolute http(s) URL, e.g. {@code NPM_REGISTRY_URL=https://nexus.example.com/repository/npm/}. */
    public URI url(String name, String fallback) {
        String value = string(name, fallback);
        try {
            URI uri = new URI(value);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the variable's name
        }
        throw invalid(name, value, "an http(s) URL such as " + fallback);
    }

    /** {@code true}/{@code false} (also 1/0, yes/no). */
    public boolean flag(String name, boolean fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid(name, value.get(), "true or false");
        };
    }

    /** One of the given choices, case-insensitively, returned in lower case. */
    public String choice(String name, String fallback, java.util.Set<String> choices) {
        String value = string(name, fallback).toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(value)) {
            throw invalid(name, value, "one of " + String.join(", ", new java.util.TreeSet<>(choices)));
        }
        return value;
    }

    private static IllegalArgumentException invalid(String name, String value, String expected) {
        return new IllegalArgumentException(
                name + "=" + value + " is not valid: set it to " + expected + ", or unset it for the default");
    }
}
