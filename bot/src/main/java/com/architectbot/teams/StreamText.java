package com.architectbot.teams;

import com.architectbot.render.MarkdownText;

/**
 * The model's draft as the text of a Teams message. The final answer is an Adaptive Card, whose text blocks show
 * HTML and Teams tags as they are and hold no mention; a message's text is read as HTML and Markdown, so the draft
 * is escaped until it means the same: {@code <at>}, HTML and entities become visible characters here, and no Markdown
 * link (to {@code javascript:} or anywhere) is formed, by the draft's own escape of the model's text
 * ({@link MarkdownText}) or, for text that is not Markdown yet, {@link #plain}. Each character is escaped on its own,
 * so a draft that only grows stays a text that only grows, as Teams requires of a stream.
 */
final class StreamText {

    private StreamText() {}

    /** The draft, cut to at most {@code maxChars} of its own characters (never inside a surrogate pair), escaped. */
    static String of(String draft, int maxChars) {
        return escape(cut(draft, maxChars));
    }

    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    /** Text that is not Markdown (a status line, a preview) escaped for a message: no link, no HTML. */
    static String plain(String text) {
        return escape(MarkdownText.escape(text));
    }

    /** Markdown whose model text is already escaped: HTML and entities made visible. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append((char) c);
            }
        });
        return out.toString();
    }
}
