package com.architectbot.slack.blockkit;

import static com.architectbot.slack.blockkit.BlockKitLimits.MAX_BLOCKS;
import static com.architectbot.slack.blockkit.BlockKitLimits.MAX_FALLBACK_CHARS;
import static com.architectbot.slack.blockkit.BlockKitLimits.MAX_HEADER_CHARS;
import static com.architectbot.slack.blockkit.BlockKitLimits.MAX_MESSAGE_CHARS;
import static com.architectbot.slack.blockkit.BlockKitLimits.MAX_SECTION_CHARS;

import com.architectbot.render.TextChunks;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Block Kit building blocks the Slack renderers share: headers, sections split at Slack's section
 * limit, mrkdwn escaping, and the packing of blocks into messages within Slack's message limits.
 */
final class BlockKitBlocks {

    private BlockKitBlocks() {}

    /** Slack's mrkdwn treats these three as control characters: escaped, model output cannot ping @channel. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String lines(List<String> items) {
        return String.join("\n", items).strip();
    }

    static HeaderBlock header(String title) {
        if (title.length() > MAX_HEADER_CHARS) {
            throw new IllegalArgumentException("header longer than " + MAX_HEADER_CHARS + " characters: " + title);
        }
        return HeaderBlock.builder()
                .text(PlainTextObject.builder().text(title).emoji(true).build())
                .build();
    }

    static List<LayoutBlock> sections(String mrkdwn) {
        return TextChunks.split(mrkdwn, MAX_SECTION_CHARS).stream()
                .filter(piece -> !piece.isBlank()) // Slack rejects an empty section
                .map(piece -> (LayoutBlock) SectionBlock.builder()
                        .text(MarkdownTextObject.builder().text(piece).build())
                        .build())
                .toList();
    }

    /** Fills messages in order; a header never ends a message, so it always sits above its text. */
    static List<SlackMessage> pack(List<LayoutBlock> blocks) {
        List<SlackMessage> messages = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < blocks.size(); i++) {
            LayoutBlock block = blocks.get(i);
            int size = textOf(block).length();
            boolean keepWithNext = block instanceof HeaderBlock && i + 1 < blocks.size();
            int room = keepWithNext ? 2 : 1;
            int need = keepWithNext ? size + textOf(blocks.get(i + 1)).length() : size;
            if (!current.isEmpty() && (current.size() + room > MAX_BLOCKS || chars + need > MAX_MESSAGE_CHARS)) {
                messages.add(message(current));
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(block);
            chars += size;
        }
        if (!current.isEmpty()) {
            messages.add(message(current));
        }
        return List.copyOf(messages);
    }

    private static SlackMessage message(List<LayoutBlock> blocks) {
        String text = String.join(
                "\n", blocks.stream().map(BlockKitBlocks::fallbackOf).toList());
        if (text.length() > MAX_FALLBACK_CHARS) {
            text = TextChunks.split(text, MAX_FALLBACK_CHARS - 1).getFirst() + "…";
        }
        return new SlackMessage(blocks, text);
    }

    private static String fallbackOf(LayoutBlock block) {
        return block instanceof HeaderBlock ? "*" + textOf(block) + "*" : textOf(block);
    }

    static String textOf(LayoutBlock block) {
        return switch (block) {
            case HeaderBlock header -> header.getText().getText();
            case SectionBlock section -> section.getText().getText();
            case ActionsBlock actions -> BlockKitFollowUps.labels(actions);
            default -> "";
        };
    }
}
