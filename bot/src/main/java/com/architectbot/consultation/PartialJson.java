package com.architectbot.consultation;

/**
 * The few steps of reading JSON that is still being written, on plain indexes so nothing recurses (deeply nested
 * junk costs a counter, not the stack) and nothing throws: where a value ends, if it has ended yet, and what a
 * string says so far, without ever half-decoding an escape sequence.
 */
final class PartialJson {

    /** The value has not ended yet: the text stops inside it. */
    static final int UNFINISHED = -1;
    /** The text cannot be JSON here (a closing bracket with nothing open). */
    static final int JUNK = -2;

    private PartialJson() {}

    static int skipSpace(CharSequence text, int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the value starting at {@code at} ends (the index after it), {@link #UNFINISHED} or {@link #JUNK}. */
    static int valueEnd(CharSequence text, int at) {
        int depth = 0;
        boolean inString = false;
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
                if (depth < 0) {
                    return i == at ? JUNK : i; // a bare word ends where its container closes
                }
            } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
                return i == at ? JUNK : i; // true, false, null or a number
            }
        }
        return UNFINISHED;
    }

    /**
     * The text of a string from just after its opening quote up to {@code to} (its closing quote, or the end of
     * what has arrived). Decoding stops before an escape that is cut off or not JSON; control characters other
     * than newline and tab are dropped, as is a lone high surrogate at the end (its pair may still come).
     */
    static String text(CharSequence json, int from, int to) {
        StringBuilder text = new StringBuilder(Math.max(0, to - from));
        int i = from;
        while (i < to) {
            char c = json.charAt(i);
            if (c != '\\') {
                keep(text, c);
                i++;
                continue;
            }
            if (i + 1 >= to) {
                break;
            }
            char escaped = json.charAt(i + 1);
            if (escaped == 'u') {
                int code = i + 6 <= to ? hex(json, i + 2) : -1;
                if (code < 0) {
                    break;
                }
                keep(text, (char) code);
                i += 6;
                continue;
            }
            char decoded = unescape(escaped);
            if (decoded == 0) {
                break;
            }
            keep(text, decoded);
            i += 2;
        }
        int last = text.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(text.charAt(last))) {
            text.setLength(last);
        }
        return text.toString();
    }

    /** Drops control characters a surface could choke on; a removed character changes no later text. */
    static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().forEach(c -> keep(kept, (char) c));
        return kept.toString();
    }

    private static void keep(StringBuilder text, char c) {
        if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
            text.append(c);
        }
    }

    private static char unescape(char escaped) {
        return switch (escaped) {
            case '"', '\\', '/' -> escaped;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'b', 'f', 'r' -> '\r'; // a control character: dropped by keep
            default -> 0;
        };
    }

    private static int hex(CharSequence json, int from) {
        int code = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(json.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }
}
