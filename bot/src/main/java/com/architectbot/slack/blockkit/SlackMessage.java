package com.architectbot.slack.blockkit;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** One Slack message to post: the blocks, and the plain text Slack shows in notifications and screen readers. */
public record SlackMessage(List<LayoutBlock> blocks, String text) {

    public SlackMessage {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty() || blocks.size() > BlockKitLimits.MAX_BLOCKS) {
            throw new IllegalArgumentException(
                    "a message has 1 to " + BlockKitLimits.MAX_BLOCKS + " blocks, not " + blocks.size());
        }
    }
}
