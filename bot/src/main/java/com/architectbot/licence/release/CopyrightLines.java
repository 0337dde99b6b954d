package com.architectbot.licence.release;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The copyright statements in a licence or notice file: lines that start with {@code Copyright}, {@code (c)} or
 * {@code ©} and name a year or a holder, not the licence template's placeholders ({@code <year>},
 * {@code [yyyy]}) nor prose such as "copyright notice". Bounded, so a hostile file cannot fill the notices.
 */
final class CopyrightLines {

    static final int MAX_LINES = 20;
    static final int MAX_LINE_CHARS = 300;

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
    /** Capitalised words that start licence prose rather than a holder's name. */
    private static final Pattern PROSE = Pattern.compile("(?i)(notice|holders?|owners?|law|and|the|laws)\\b");

    private CopyrightLines() {}

    /** The distinct statements, in the order they appear, at most {@link #MAX_LINES}. */
    static List<String> in(List<String> texts) {
        Set<String> lines = new LinkedHashSet<>();
        for (String text : texts) {
            for (String line : PlainText.clean(text).lines().map(String::strip).toList()) {
                if (lines.size() == MAX_LINES) {
                    return List.copyOf(lines);
                }
                if (isStatement(line)) {
                    lines.add(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line);
                }
            }
        }
        return List.copyOf(lines);
    }

    static boolean isStatement(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        boolean opens = line.startsWith("Copyright ")
                || line.startsWith("COPYRIGHT ")
                || lower.startsWith("(c) ")
                || line.startsWith("©");
        if (!opens || lower.contains("<year>") || lower.contains("[yyyy]") || lower.contains("<copyright holder")) {
            return false;
        }
        String rest = line.replaceFirst("^(?i)(copyright|\\(c\\)|©)\\s*", "");
        if (rest.isEmpty()) {
            return false;
        }
        boolean marked = rest.startsWith("(c)") || rest.startsWith("(C)") || rest.startsWith("©");
        boolean dated = YEAR.matcher(rest).find();
        if (lower.startsWith("(c)")) { // also how licences number their clauses: "(c) You must retain..."
            return dated;
        }
        boolean named =
                Character.isUpperCase(rest.charAt(0)) && !PROSE.matcher(rest).lookingAt();
        return marked || dated || named;
    }
}
