package com.architectbot.core.redaction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets that users paste (tokens, keys, passwords in URLs and config snippets). Every
 * {@link com.architectbot.core.Inquiry} is built through it, so no surface can queue, store, log, audit or send the raw text.
 * Each secret is replaced by a label saying what was removed, so the architect can still reason about it
 * ("you pasted an AWS key"). Redacting redacted text changes nothing.
 */
public final class SecretRedactor {

    /** Values that stand for a secret without being one: {@code ${DB_PASSWORD}}, {@code <your token>}, a label. */
    /**
     * Values that stand for a secret without being one: {@code ${DB_PASSWORD}}, {@code <your token>}, a label. Each
     * is anchored as the whole value, so {@code <hunter2} or {@code ${X}hunter2} are secrets; {@code $VAR} only in
     * capitals, as {@code $abc123} may be a password that starts with a dollar.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i:\\[redacted.*)|<[^<>\\n]*+>|\\$\\{\\{[^}]*+\\}\\}"
            + "|\\$\\{[^}]*+\\}|\\$\\([^)]*+\\)|\\{\\{(?:[^}]|\\}(?!\\}))*+\\}\\}|%\\([a-z_]++\\)s|\\$[A-Z_][A-Z0-9_]*+"
            + "|(?i:%[a-z_]+%|\\*+|x{3,}|\\.{3}|…|true|false|null|none|nil|undefined|changeme)");

    private SecretRedactor() {}

    /** The text with every secret replaced by {@code [redacted <label>]}. */
    public static String redact(String text) {
        String redacted = text;
        for (SecretRule rule : SecretRules.ALL) {
            redacted = apply(rule, redacted);
        }
        return redacted;
    }

    private static String apply(SecretRule rule, String text) {
        Matcher match = rule.pattern().matcher(text);
        if (!match.find()) {
            return text;
        }
        List<Integer> groups = rule.secretGroups();
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        do {
            for (int group : groups) {
                int start = match.start(group);
                if (start >= 0 && isSecret(rule, text.substring(start, match.end(group)))) {
                    out.append(text, copied, start).append(rule.replacement());
                    copied = match.end(group);
                }
            }
        } while (match.find());
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean isSecret(SecretRule rule, String value) {
        return !PLACEHOLDER.matcher(value).matches()
                && rule.documented()
                        .map(example -> !example.matcher(value).matches())
                        .orElse(true);
    }
}
