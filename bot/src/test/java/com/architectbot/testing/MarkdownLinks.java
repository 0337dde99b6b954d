package com.architectbot.testing;

import java.util.regex.Pattern;

/**
 * Whether Markdown could form a link or an image: a bracket or parenthesis that is not backslash-escaped (preceded
 * by an even number of backslashes, none included), the syntax every {@code [text](url)} and {@code ![alt](url)} needs.
 */
public final class MarkdownLinks {

    private static final Pattern UNESCAPED = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*[\\[\\]()]");

    private MarkdownLinks() {}

    public static boolean canForm(String markdown) {
        return UNESCAPED.matcher(markdown).find();
    }
}
