package com.architectbot.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The commands users type to the bot, the same words on every surface ({@code help}, {@code forget},
 * {@code license-check <packages>}, {@code usage}, ...). Anything else is a question for the architect.
 *
 * @param arguments what follows the command word ({@code "pkg:npm/react@18.2.0 --policy saas"})
 */
public record TypedCommand(InquiryKind kind, String arguments) {

    /** Commands without arguments count only alone: "forget the old plan, what about Kafka?" is a question. */
    private static final Map<String, InquiryKind> ALONE = Map.of(
            "help",
            InquiryKind.HELP,
            "?",
            InquiryKind.HELP,
            "forget",
            InquiryKind.FORGET,
            "usage",
            InquiryKind.USAGE,
            "export",
            InquiryKind.EXPORT,
            "forget-me",
            InquiryKind.FORGET_ME,
            "adr",
            InquiryKind.DECISION_RECORD);

    private static final Map<String, InquiryKind> WITH_ARGUMENTS = Map.of(
            "settings",
            InquiryKind.SETTINGS,
            "erase-all-data",
            InquiryKind.ERASE_ALL_DATA,
            "license-check",
            InquiryKind.LICENCE_CHECK,
            "licence-check",
            InquiryKind.LICENCE_CHECK,
            "knowledge",
            InquiryKind.KNOWLEDGE);

    /** The command the text starts with (a leading {@code /} is allowed), or empty for a question. */
    public static Optional<TypedCommand> parse(String text) {
        String[] words = (text == null ? "" : text.strip()).split("\\s+", 2);
        String word = words[0].toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        String rest = words.length > 1 ? words[1].strip() : "";
        if (WITH_ARGUMENTS.containsKey(word)) {
            return Optional.of(new TypedCommand(WITH_ARGUMENTS.get(word), rest));
        }
        return rest.isEmpty() && ALONE.containsKey(word)
                ? Optional.of(new TypedCommand(ALONE.get(word), ""))
                : Optional.empty();
    }

    /** The word a user types for this kind of command, e.g. {@code forget-me}; a question has none. */
    public static String word(InquiryKind kind) {
        return switch (kind) {
            case HELP -> "help";
            case FORGET -> "forget";
            case USAGE -> "usage";
            case EXPORT -> "export";
            case FORGET_ME -> "forget-me";
            case SETTINGS -> "settings";
            case ERASE_ALL_DATA -> "erase-all-data";
            case LICENCE_CHECK -> "license-check";
            case KNOWLEDGE -> "knowledge";
            case DECISION_RECORD -> "adr";
            case CONSULTATION -> "";
        };
    }

    /** Whether the answer is for the asker alone (their usage, their data), so surfaces reply privately. */
    public boolean isPrivate() {
        return isPrivate(kind);
    }

    /** Whether answers of this kind are for the asker alone. */
    public static boolean isPrivate(InquiryKind kind) {
        return switch (kind) {
            case USAGE, SETTINGS, EXPORT, FORGET_ME, ERASE_ALL_DATA, KNOWLEDGE -> true;
            case CONSULTATION, LICENCE_CHECK, FORGET, HELP, DECISION_RECORD -> false;
        };
    }
}
