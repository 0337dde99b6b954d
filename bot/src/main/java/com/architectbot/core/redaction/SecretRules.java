package com.architectbot.core.redaction;

import java.util.List;

/**
 * The shapes of secret people paste into questions, after the default rules of common secret scanners.
 * Order matters: a provider's own format is tried before the generic {@code key=value} rules, so the
 * label says what was pasted ("[redacted GitHub token]") and the generic rules then skip the label.
 * Every open-ended repetition is bounded, so no message can make a pattern take quadratic time.
 */
final class SecretRules {

    /** Not preceded by a token character: a token starts here, not inside a longer word. */
    private static final String START = "(?<![A-Za-z0-9_-])";
    /** Not followed by a token character. */
    private static final String END = "(?![A-Za-z0-9_-])";

    /** A host after a URL's {@code @}: a name starting with a letter, an IPv4 address or [IPv6]. */
    private static final String HOST = "(?:[a-z][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,20}|\\d{1,3}(?:\\.\\d{1,3}){3}"
            + "|\\[[0-9a-f:.]{2,45}\\])(?::\\d{1,5})?(?:[/?#\\s\"'<>),;`.*_|!\\]]|$)";

    /** Spacing around a separator, including the {@code &nbsp;} Teams sends for a space. */
    private static final String GAP = "(?:[ \\t]|&nbsp;){0,16}";
    /** A quoted value, quotes kept; unbounded but possessive and unrolled, so each character is looked at once. */
    private static String quoted(String first, String second) {
        return "\"(?<" + first + ">[^\"\\\\\\n]++(?:\\\\.[^\"\\\\\\n]*+)*+|(?:\\\\.[^\"\\\\\\n]*+)++)\"" + "|'(?<"
                + second + ">[^'\\n]++)'";
    }

    /**
     * A value after {@code key:} or {@code key=}. After {@code :} (YAML, headers) an unquoted value runs to the end
     * of the line: {@code password: correct horse battery staple}. After {@code =} it stops at whitespace,
     * {@code ;} or {@code &} (connection strings, query strings) but not at an HTML entity such as {@code &amp;}, and
     * trailing {@code ,})]} stay out unless more value follows. Every repeat is possessive, so a failed match
     * never retries shorter values: linear in the input, whatever its length, and an overlong value is redacted whole.
     */
    private static final String VALUE = GAP + "(?:(?::=|=>|=)" + GAP + "(?:" + quoted("secret", "secret2")
            + "|(?<secret3>(?:[^\\s\"'`;&,})\\]]++|&(?:[a-z]{2,8}|#\\d{1,7});|[,})\\]]++(?=[^\\s\"'`;&,})\\]]))++))"
            + "|:" + GAP + "(?:" + quoted("secret5", "secret6") + "|(?<secret4>[^\\s\"'][^\\r\\n]*+)))";

    static final List<SecretRule> ALL = List.of(
            SecretRule.of(
                    "private key",
                    "----- ?BEGIN[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)? ?-----[\\s\\S]*?"
                            + "(?:----- ?END[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)? ?-----|\\z)"),
            SecretRule.of("private key", "PuTTY-User-Key-File-\\d: [\\s\\S]*?(?:Private-MAC: [0-9a-f]{1,128}|\\z)"),
            SecretRule.of(
                    "JWT", START + "eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}(?:\\.[A-Za-z0-9_-]{0,4096})?"),
            // the password may hold '@', '/' and quotes: the host is after the last '@' that is followed by a host.
            // ":8443/path/@scope" is a port and a path, but ":12345/abc@host" is a password. One bounded greedy run
            // per "scheme://user:" start, so the backtracking is at most 4096 steps per URL.
            SecretRule.of(
                    "password",
                    "(?i)(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{1,20}://[^\\s:/@?#\"'<>]{0,256}:"
                            + "(?!\\d{1,5}(?:[?#\\s]|$|/[^\\s@]{0,256}/@))(?<secret>[^\\s<>]{1,4096})@(?=" + HOST
                            + ")"),
            SecretRule.of(
                    "password",
                    "(?<![\\w-])(?:-u|--user)[ \\t=]{1,4}[\"']?[^\\s:\"']{1,256}:(?<secret>[^\\s\"']{1,4096})"),
            // only a cookie whose name says session or auth: "theme=dark" tells nothing and stays readable. Each
            // earlier
            // cookie is skipped possessively (at most 16, 256 characters each) and the name is checked by a bounded
            // look-ahead, so a header costs a few thousand steps at most. Limit: the first such cookie of a header.
            SecretRule.of(
                    "cookie",
                    "(?i)\\b(?:set-)?cookie:[ \\t]{0,16}+(?:[^;\\n]{0,256}+;[ \\t]?+){0,16}?"
                            + "(?=[\\w.-]{0,40}?(?:sess|sid|auth|token|jwt|remember|xsrf|csrf))[\\w.-]{1,64}+=(?<secret>[^;\\s]{1,4096}+)"),
            SecretRule.of("Anthropic key", START + "sk-ant-[A-Za-z0-9_-]{20,512}"),
            SecretRule.of("OpenAI key", START + "sk-(?=[A-Za-z0-9_-]{0,511}[0-9])[A-Za-z0-9_-]{20,512}"),
            SecretRule.of(
                    "Stripe key",
                    START + "(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,255}|whsec_[A-Za-z0-9]{24,255})"),
            SecretRule.of(
                    "GitHub token", START + "(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})" + END),
            SecretRule.of(
                    "GitLab token", START + "gl(?:pat|dt|ptt|rt|cbt|oas|ft|imt|soat|agent)-[A-Za-z0-9_-]{20,255}"),
            SecretRule.of("npm token", START + "npm_[A-Za-z0-9]{36}" + END),
            SecretRule.of("PyPI token", START + "pypi-Ag[A-Za-z0-9_-]{50,512}"),
            SecretRule.of("Slack token", START + "xox(?:[abposre]|e\\.xox[bp])-[A-Za-z0-9-]{10,512}"),
            SecretRule.of("Slack app token", START + "xapp-\\d-[A-Za-z0-9-]{10,512}"),
            SecretRule.of(
                    "Slack webhook",
                    "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{8,512}"),
            SecretRule.of("Google API key", START + "AIza[0-9A-Za-z_-]{35}" + END),
            SecretRule.of("Google client secret", START + "GOCSPX-[A-Za-z0-9_-]{28}" + END),
            SecretRule.of("Google access token", START + "ya29\\.[0-9A-Za-z_-]{20,2048}"),
            SecretRule.unlessDocumented(
                    "AWS access key",
                    "(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA"
                            + "|AIPA|ANPA|ANVA)[A-Z0-9]{16}(?![A-Z0-9])",
                    "[A-Z0-9]{13}EXAMPLE"),
            SecretRule.of(
                    "AWS secret key",
                    "(?i)(?<![a-z0-9])(?:aws_?)?secret_?(?:access_?)?key[\"']?[ \\t]*(?:[:=]|=>)"
                            + "[ \\t]*[\"']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
            SecretRule.of("Twilio API key", "(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])"),
            SecretRule.of("SendGrid key", START + "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}" + END),
            SecretRule.of(
                    "Azure key",
                    "(?i)\\b(?:AccountKey|SharedAccessKey|SharedSecret)[ \\t]*=[ \\t]*"
                            + "(?<secret>[A-Za-z0-9+/]{20,512}={0,2})"),
            SecretRule.of("Azure SAS", "(?i)\\bSharedAccessSignature[ \\t]*=[ \\t]*(?<secret>[^;\\s\"'<>]{8,2048})"),
            SecretRule.of("Azure SAS", "(?i)[?&]sig=(?<secret>[A-Za-z0-9%+/=_-]{16,512})"),
            SecretRule.of(
                    "Azure client secret",
                    "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}" + "(?![A-Za-z0-9_~.-])"),
            SecretRule.of(
                    "API token",
                    START + "(?:shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|do[opr]_v1_[a-f0-9]{64}"
                            + "|hv[sb]\\.[A-Za-z0-9_-]{24,512}|hf_[A-Za-z]{34}|dckr_pat_[A-Za-z0-9_-]{27,128}"
                            + "|dapi[a-f0-9]{32}(?:-\\d)?|PMAK-[a-f0-9]{24}-[a-f0-9]{34}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})"
                            + END),
            SecretRule.of(
                    "credentials",
                    "(?i)\\b(?:proxy-)?authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?"
                            + "(?:(?:bearer|basic|token|bot|digest|negotiate|ntlm|apikey|sso-key)[ \\t]+)?(?<secret>[^\\s\"',;]{6,4096})"),
            SecretRule.of(
                    "token", "(?i)\\bbearer[ \\t]+(?<secret>(?=[a-z0-9._~+/-]{0,4095}[0-9])[a-z0-9._~+/-]{16,4096}=*)"),
            SecretRule.of(
                    "credentials",
                    "(?i)\\bbasic[ \\t]+(?<secret>(?=[a-z0-9+/]{0,4095}[0-9+/=])[a-z0-9+/]{12,4096}={0,2})"),
            SecretRule.of("password", "(?i)\\blogin[ \\t]+\\S{1,256}[ \\t]+password[ \\t]+(?<secret>\\S{1,512})"),
            field("password", "password|passwd|passphrase|pwd|[_.-]pass"),
            field(
                    "secret",
                    "secret|secret[_-]?key|token|_auth|api[_-]?key|apikey|access[_-]?key|private[_-]?key"
                            + "|signing[_-]?key|encryption[_-]?key"));

    private SecretRules() {}

    /**
     * {@code name = value} in JSON, YAML, {@code .env}, properties, TOML, query strings and command lines,
     * where the name ends with one of {@code names}; the name stays.
     */
    private static SecretRule field(String label, String names) {
        return SecretRule.of(label, "(?i)(?<![\\w.-])[\"']?[\\w.-]{0,60}?(?:" + names + ")[\"']?" + VALUE);
    }
}
