package com.architectbot.tenancy;

import com.architectbot.conversation.Surface;
import com.architectbot.core.InquiryKind;
import java.util.Locale;

/** How users type the tenancy commands on each surface, for the texts that mention them. */
final class Commands {

    private Commands() {}

    /** {@code consultation}, {@code forget-me}: the kind as one word, for audit entries and messages. */
    static String word(InquiryKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String of(Surface surface, InquiryKind kind) {
        return switch (surface) {
            case SLACK -> "`/architect " + word(kind) + "`";
            case TEAMS -> "`" + word(kind) + "`";
            case CLI -> "`" + word(kind) + "`";
        };
    }

    static String whoIsAdmin(Surface surface) {
        return switch (surface) {
            case SLACK -> "In Slack, that means a workspace admin or owner.";
            case TEAMS -> "In Teams, that means someone your IT team listed as an Architect Bot admin.";
            case CLI -> "";
        };
    }
}
