package com.architectbot.slack.blockkit;

import com.architectbot.core.Feedback;
import com.architectbot.core.InquiryId;
import com.architectbot.core.Reply;
import com.slack.api.model.block.ContextActionsBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.FeedbackButtonObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.FeedbackButtonsElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's thumbs up and down under an answer (a {@code context_actions} block of {@code feedback_buttons}), and the
 * optional comment modal a thumbs down opens. Each button's value names the rating and the inquiry
 * ({@code down|slack:Ev123}); the modal's private metadata does the same. Both come back from Slack as input and
 * are read by {@link #read}, which accepts nothing else.
 */
public final class BlockKitFeedback {

    /** The buttons' action id: what the block action handler is registered for. */
    public static final String ACTION_ID = "answer_feedback";
    /** The comment modal's callback id: what the view submission handler is registered for. */
    public static final String COMMENT_CALLBACK = "answer_feedback_comment";
    /** The comment input's block and action ids in the modal's state. */
    public static final String COMMENT_BLOCK = "comment";

    public static final String COMMENT_ACTION = "comment";
    /** The fallback text of a message that carries only the buttons (the answer's last message was full). */
    static final String ASK = "Was this answer helpful?";

    /** A rating and a Slack inquiry id; the id's characters are those Slack's event and trigger ids use. */
    private static final Pattern VALUE = Pattern.compile("(up|down)\\|(slack:[A-Za-z0-9._:-]{1,200})");

    private BlockKitFeedback() {}

    /** A rating read back from a button or a modal. */
    public record Rated(Feedback.Rating rating, InquiryId inquiry) {}

    /**
     * The messages of a reply, a consultation answer's last one carrying the buttons (or, when it is full, a message
     * of its own after it); any other reply unchanged.
     */
    public static List<SlackMessage> appendTo(List<SlackMessage> messages, Reply reply, InquiryId inquiry) {
        if (!(reply instanceof Reply.Answer) || messages.isEmpty()) {
            return messages;
        }
        List<SlackMessage> withButtons = new ArrayList<>(messages);
        SlackMessage last = withButtons.removeLast();
        if (last.blocks().size() < BlockKitLimits.MAX_BLOCKS) {
            List<LayoutBlock> blocks = new ArrayList<>(last.blocks());
            blocks.add(buttons(inquiry));
            withButtons.add(new SlackMessage(blocks, last.text()));
        } else {
            withButtons.add(last);
            withButtons.add(new SlackMessage(List.of(buttons(inquiry)), ASK));
        }
        return List.copyOf(withButtons);
    }

    static ContextActionsBlock buttons(InquiryId inquiry) {
        return ContextActionsBlock.builder()
                .blockId(ACTION_ID)
                .elements(List.of(FeedbackButtonsElement.builder()
                        .actionId(ACTION_ID)
                        .positiveButton(button("Helpful", "This answer was helpful", Feedback.Rating.UP, inquiry))
                        .negativeButton(
                                button("Not helpful", "This answer was not helpful", Feedback.Rating.DOWN, inquiry))
                        .build()))
                .build();
    }

    /** The modal a thumbs down opens: one optional comment, the inquiry in its private metadata. */
    public static View commentModal(InquiryId inquiry) {
        return View.builder()
                .type("modal")
                .callbackId(COMMENT_CALLBACK)
                .privateMetadata(value(Feedback.Rating.DOWN, inquiry))
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text("Thanks for telling us")
                        .build())
                .submit(ViewSubmit.builder().type("plain_text").text("Send").build())
                .close(ViewClose.builder().type("plain_text").text("Skip").build())
                .blocks(List.of(InputBlock.builder()
                        .blockId(COMMENT_BLOCK)
                        .optional(true)
                        .label(plain("What was wrong or missing? (optional)"))
                        .element(PlainTextInputElement.builder()
                                .actionId(COMMENT_ACTION)
                                .multiline(true)
                                .maxLength(Feedback.MAX_COMMENT_CHARS)
                                .build())
                        .build()))
                .build();
    }

    /** The rating and inquiry a button's value or a modal's metadata names, or empty for anything else. */
    public static Optional<Rated> read(String value) {
        if (value == null || value.length() > 256) {
            return Optional.empty();
        }
        Matcher match = VALUE.matcher(value);
        if (!match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Rated(
                Feedback.Rating.valueOf(match.group(1).toUpperCase(Locale.ROOT)), new InquiryId(match.group(2))));
    }

    static String value(Feedback.Rating rating, InquiryId inquiry) {
        return rating.id() + "|" + inquiry.value();
    }

    private static FeedbackButtonObject button(String text, String label, Feedback.Rating rating, InquiryId inquiry) {
        return FeedbackButtonObject.builder()
                .text(plain(text))
                .accessibilityLabel(label)
                .value(value(rating, inquiry))
                .build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
