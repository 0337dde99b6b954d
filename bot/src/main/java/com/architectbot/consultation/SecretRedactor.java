package com.architectbot.consultation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets that users paste into questions (tokens, keys, passwords in URLs) before the text
 * is sent to a model or stored. Each match is replaced by a label that says what was removed, so the
 * architect can still reason about it ("you pasted an AWS key").
 */
public final class SecretRedactor {

    private record Rule(String label, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            new Rule("private key", Pattern.compile(
                    "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|\\z)")),
            new Rule("Slack token", Pattern.compile("\\bxox[abposre]-[A-Za-z0-9-]{10,}")),
            new Rule("Slack app token", Pattern.compile("\\bxapp-[A-Za-z0-9-]{10,}")),
            new Rule("Slack webhook", Pattern.compile("https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+")),
            new Rule("GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})")),
            new Rule("Anthropic key", Pattern.compile("\\bsk-ant-[A-Za-z0-9_-]{20,}")), // before OpenAI's sk-
            new Rule("OpenAI key", Pattern.compile("\\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
            new Rule("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
            new Rule("AWS access key", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Rule("AWS secret key", Pattern.compile(
                    "(?i)(aws_secret_access_key|aws_secret_key)\\s*[:=]\\s*[\"']?[A-Za-z0-9/+=]{40}[\"']?")),
            new Rule("JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}")),
            // only the value: "DB_PASSWORD: [redacted password]" keeps the reader oriented
            new Rule("password", Pattern.compile("(?i)(?<=\\b[\\w.-]{0,40}(password|passwd|pwd|secret|api[_-]?key|token)"
                    + "\\s{0,3}[:=]\\s{0,3})[\"']?[^\\s\"']{6,}[\"']?")));

    /** user:password@ in any URL; the user name stays, it helps the answer and is rarely secret. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]+):[^\\s@/]+@");

    /** The text with every secret replaced by {@code [redacted <label>]}. */
    public String redact(String text) {
        String redacted = URL_PASSWORD.matcher(text).replaceAll("$1:[redacted password]@");
        for (Rule rule : RULES) {
            redacted = rule.pattern().matcher(redacted)
                    .replaceAll(Matcher.quoteReplacement("[redacted " + rule.label() + "]"));
        }
        return redacted;
    }
}
