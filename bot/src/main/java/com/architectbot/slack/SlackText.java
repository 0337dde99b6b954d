package com.architectbot.slack;

import com.architectbot.consultation.InquiryKind;
import java.util.Locale;
import java.util.regex.Pattern;

/** Translates Slack's message text: mentions out, command words to kinds, quotes in. */
final class SlackText {

    private static final Pattern ANY_LEADING_MENTION = Pattern.compile("^\\s*<@[UW][A-Z0-9]+(\\|[^>]*)?>");

    private static final Pattern LICENCE_COMMAND = Pattern.compile("(?i)/?licen[cs]e-check(\\s+|$)");

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
     * "help" and "forget" on their own are commands, and so is "license-check <specs>" (as Teams users type
     * it, and as the assistant's suggested prompt sends it); anything else is a question.
     */
    static Parsed parse(String text) {
        String stripped = text.strip();
        var command = LICENCE_COMMAND.matcher(stripped);
        if (command.lookingAt()) {
            return new Parsed(InquiryKind.LICENCE_CHECK, stripped.substring(command.end()).strip());
        }
        InquiryKind kind = switch (stripped.toLowerCase(Locale.ROOT)) {
            case "help", "?" -> InquiryKind.HELP;
            case "forget" -> InquiryKind.FORGET;
            default -> InquiryKind.CONSULTATION;
        };
        return new Parsed(kind, stripped);
    }

    /** The text as a Slack block quote, escaped so a quoted question cannot ping anyone. */
    static String quote(String text) {
        String escaped = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "> " + escaped.replace("\n", "\n> ");
    }
}
