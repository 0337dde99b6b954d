package com.architectbot.slack.blockkit;

import static com.architectbot.slack.blockkit.BlockKitLimits.MAX_BLOCKS;
import static com.architectbot.slack.blockkit.BlockKitLimits.MAX_MESSAGE_CHARS;

import com.architectbot.core.answer.ConsultationAnswer;
import com.architectbot.render.FollowUps;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The suggested follow-up questions ({@link FollowUps}) as an {@code actions} block of buttons at the end of an
 * answer's last message, or in a message of its own when the last one is full. A button's text is plain text,
 * so a question cannot format or mention anything; its value is the whole question, which the click brings back.
 */
public final class BlockKitFollowUps {

    public static final String BLOCK_ID = "follow_ups";
    /** The buttons' action ids: {@code follow_up_1} to {@code follow_up_3}, unique within the block as Slack asks. */
    public static final Pattern ACTION_IDS = Pattern.compile("^follow_up_[1-" + FollowUps.MAX_BUTTONS + "]$");
    /** The notification text of a message that holds only the buttons. */
    static final String OWN_MESSAGE_TEXT = "Suggested follow-up questions";

    private BlockKitFollowUps() {}

    /** The messages with the buttons added; unchanged when the answer suggests nothing. */
    static List<SlackMessage> append(List<SlackMessage> messages, ConsultationAnswer answer) {
        List<FollowUps.FollowUp> followUps = FollowUps.of(answer);
        if (followUps.isEmpty()) {
            return messages;
        }
        ActionsBlock buttons = block(followUps);
        List<SlackMessage> out = new ArrayList<>(messages);
        SlackMessage last = out.getLast();
        if (fits(last, buttons)) {
            List<LayoutBlock> blocks = new ArrayList<>(last.blocks());
            blocks.add(buttons);
            out.set(out.size() - 1, new SlackMessage(blocks, last.text()));
        } else {
            out.add(new SlackMessage(List.of(buttons), OWN_MESSAGE_TEXT));
        }
        return List.copyOf(out);
    }

    /** The buttons' labels, one a line: what a reader sees of the block. */
    static String labels(ActionsBlock block) {
        return String.join(
                "\n",
                block.getElements().stream()
                        .filter(ButtonElement.class::isInstance)
                        .map(e -> ((ButtonElement) e).getText().getText())
                        .toList());
    }

    private static boolean fits(SlackMessage message, ActionsBlock buttons) {
        int chars = message.blocks().stream()
                .mapToInt(b -> BlockKitBlocks.textOf(b).length())
                .sum();
        return message.blocks().size() < MAX_BLOCKS && chars + labels(buttons).length() <= MAX_MESSAGE_CHARS;
    }

    private static ActionsBlock block(List<FollowUps.FollowUp> followUps) {
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < followUps.size(); i++) {
            FollowUps.FollowUp followUp = followUps.get(i);
            buttons.add(ButtonElement.builder()
                    .actionId("follow_up_" + (i + 1))
                    .text(PlainTextObject.builder()
                            .text(followUp.label())
                            .emoji(true)
                            .build())
                    .value(followUp.question())
                    .build());
        }
        return ActionsBlock.builder().blockId(BLOCK_ID).elements(buttons).build();
    }
}
