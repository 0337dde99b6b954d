package com.architectbot.slack;

import java.util.regex.Pattern;

/** Translates Slack's message text: mentions out, quotes in. */
final class SlackText {

    private static final Pattern ANY_LEADING_MENTION = Pattern.compile("^\\s*<@[UW][A-Z0-9]+(\\|[^>]*)?>");

    private SlackText() {}

    /** The text without the bot's own {@code <@U…>} mentions; other people's mentions stay, they carry meaning. */
    static String withoutMention(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        String stripped = botUserId == null
                ? ANY_LEADING_MENTION.matcher(text).replaceFirst("")
                : text.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", "");
        return stripped.strip();
    }

    /** The text as a Slack block quote, escaped so a quoted question cannot ping anyone. */
    static String quote(String text) {
        String escaped = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "> " + escaped.replace("\n", "\n> ");
    }
}
