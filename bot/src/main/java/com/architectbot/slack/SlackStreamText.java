package com.architectbot.slack;

import com.architectbot.core.answer.AnswerDraft;
import com.architectbot.render.DraftMarkdown;
import com.architectbot.render.MarkdownText;
import com.architectbot.render.TextChunks;
import com.architectbot.slack.blockkit.BlockKitLimits;
import com.architectbot.slack.blockkit.BlockKitRenderer;

/**
 * The text a live answer shows in Slack ({@code markdown_text}, standard Markdown): the draft's Markdown, escaped as
 * the final rendering escapes model text (a draft cannot ping {@code <!channel>} that the answer would not) and with
 * no link of the model's ({@link MarkdownText}), a status line in italics, and the cut that keeps one message within
 * Slack's Markdown limit.
 */
final class SlackStreamText {

    /** Slack's limit for {@code markdown_text} in one call, and ours for a live message's whole text. */
    static final int MAX_CHARS = BlockKitLimits.MAX_MESSAGE_CHARS;
    /** Ends a live message that grew past {@link #MAX_CHARS}: the final delivery posts the rest as further messages. */
    static final String CONTINUED = "\n\n_continued below..._";

    private SlackStreamText() {}

    static String draft(AnswerDraft draft) {
        return BlockKitRenderer.escape(DraftMarkdown.render(draft));
    }

    /** One line in italics; blank for no status. */
    static String status(String line) {
        if (line == null || line.isBlank()) {
            return "";
        }
        String flat = line.strip().replaceAll("\\s+", " ").replace("_", " ");
        return "_" + BlockKitRenderer.escape(MarkdownText.escape(flat)) + "_";
    }

    /**
     * The longest start of {@code more}, cut at a paragraph, line or word, that fits in {@code room} characters
     * (never inside an escaped {@code &amp;}: entities hold no spaces); {@code more} itself when it fits.
     */
    static String fitting(String more, int room) {
        if (more.length() <= room) {
            return more;
        }
        return room <= 0 ? "" : TextChunks.split(more, room).getFirst();
    }
}
