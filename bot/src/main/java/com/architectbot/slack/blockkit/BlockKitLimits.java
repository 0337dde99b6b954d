package com.architectbot.slack.blockkit;

/** What Slack accepts in one message, and the ceilings we keep under it. */
public final class BlockKitLimits {

    /** Slack rejects a message with more blocks. */
    public static final int MAX_BLOCKS = 50;
    /** Slack rejects a section whose text is longer. */
    public static final int MAX_SECTION_CHARS = 3000;
    /** Slack rejects a header whose text is longer. */
    public static final int MAX_HEADER_CHARS = 150;
    /** Our own ceiling per message, well under Slack's undocumented total, so no message is refused as too long. */
    public static final int MAX_MESSAGE_CHARS = 12_000;
    /** Notification previews show only the start of the fallback text; the blocks carry the whole answer. */
    public static final int MAX_FALLBACK_CHARS = 3000;

    private BlockKitLimits() {}
}
