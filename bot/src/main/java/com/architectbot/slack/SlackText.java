package com.architectbot.slack;

import com.architectbot.core.InquiryKind;
import com.architectbot.core.TypedCommand;
import java.util.regex.Pattern;

/** Translates Slack's message text: mentions out, command words to kinds, quotes in. */
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

    /** What a message to the bot asks for, and the text that goes with it. */
    record Parsed(InquiryKind kind, String text) {}

    /**
     * A typed command ({@link TypedCommand}), else a question. Private commands (usage, export, ...) are
     * questions here: said in a thread they would show one user's data to everyone, so Slack takes them
     * only as {@code /architect} commands, which answer in a direct message.
     */
    static Parsed parse(String text) {
        String stripped = text.strip();
        return TypedCommand.parse(stripped)
                .filter(command -> !command.isPrivate())
                .map(command -> new Parsed(
                        command.kind(), command.kind() == InquiryKind.LICENCE_CHECK ? command.arguments() : stripped))
                .orElseGet(() -> new Parsed(InquiryKind.CONSULTATION, stripped));
    }

    /** The text as a Slack block quote, escaped so a quoted question cannot ping anyone. */
    static String quote(String text) {
        String escaped = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "> " + escaped.replace("\n", "\n> ");
    }
}
