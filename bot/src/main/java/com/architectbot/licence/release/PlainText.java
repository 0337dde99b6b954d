package com.architectbot.licence.release;

import java.util.regex.Pattern;

/**
 * Text from a package (its name, its LICENSE, its NOTICE) made safe to print in a file a person reads in a
 * terminal: ANSI escape sequences removed, other control and format characters (bidi overrides and marks, which can
 * make a line read differently from what it says; invisible ones such as soft hyphens, word joiners and tag
 * characters; line and paragraph separators) replaced, line ends normalised. Tabs and newlines stay.
 */
final class PlainText {

    private static final Pattern ANSI =
            Pattern.compile("\\u001B(\\[[0-?]*[ -/]*[@-~]|\\][^\\u0007\\u001B]*(\\u0007|\\u001B\\\\)?|[@-_])");
    private static final Pattern CONTROLS =
            Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\x{E0000}-\\x{E007F}&&[^\\n\\t]]");

    private PlainText() {}

    /** The text with escapes removed and other control characters shown as {@code ?}. */
    static String clean(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        return CONTROLS.matcher(ANSI.matcher(lines).replaceAll("")).replaceAll("?");
    }

    /** One line: {@link #clean} with line breaks and tabs as spaces, for names and expressions. */
    static String line(String text) {
        return clean(text).replace('\n', ' ').replace('\t', ' ').strip();
    }
}
