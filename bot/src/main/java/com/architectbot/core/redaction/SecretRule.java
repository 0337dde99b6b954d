package com.architectbot.core.redaction;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One shape of secret. When the pattern has named groups {@code secret}, {@code secret2}, ..., only those
 * are replaced (the key of {@code password=...} or the scheme of {@code Bearer ...} stays readable);
 * otherwise the whole match is.
 *
 * @param label what the reader sees instead: {@code [redacted <label>]}
 * @param documented a match of this is a published example (AWS's {@code ...EXAMPLE} keys), left alone
 */
record SecretRule(String label, Pattern pattern, Optional<Pattern> documented) {

    SecretRule {
        requireNonNull(label, "label");
        requireNonNull(pattern, "pattern");
        requireNonNull(documented, "documented");
    }

    static SecretRule of(String label, String regex) {
        return new SecretRule(label, Pattern.compile(regex), Optional.empty());
    }

    static SecretRule unlessDocumented(String label, String regex, String documented) {
        return new SecretRule(label, Pattern.compile(regex), Optional.of(Pattern.compile(documented)));
    }

    /** The groups to replace, in order; group 0 (the whole match) when the pattern names none. */
    List<Integer> secretGroups() {
        List<Integer> named = pattern.namedGroups().entrySet().stream()
                .filter(group -> group.getKey().startsWith("secret"))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        return named.isEmpty() ? List.of(0) : named;
    }

    String replacement() {
        return "[redacted " + label + "]";
    }
}
