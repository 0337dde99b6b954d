package com.architectbot.render;

/**
 * The model's text made literal inside Markdown we write: no link or image ({@code [text](url)}, {@code ![alt](url)})
 * can form, so a live draft cannot show a disguised link under the bot's name that the final answer never would.
 * The backslash itself is escaped, or a model's {@code \} would undo our escape of the bracket after it. HTML
 * ({@code < > &}, and so {@code <https://...>} autolinks) is left to each surface, which escapes it as entities.
 * Each character is escaped on its own, so the escape of a text that grows starts with the escape of what it grew from.
 */
public final class MarkdownText {

    private static final String ESCAPED = "\\[]()!";

    private MarkdownText() {}

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append((char) c);
        });
        return out.toString();
    }
}
