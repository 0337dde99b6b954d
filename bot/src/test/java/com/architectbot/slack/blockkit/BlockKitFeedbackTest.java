package com.architectbot.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.Feedback;
import com.architectbot.core.InquiryId;
import com.architectbot.core.Reply;
import com.architectbot.testing.Answers;
import com.slack.api.model.block.ContextActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.FeedbackButtonsElement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitFeedbackTest {

    private static final InquiryId INQUIRY = new InquiryId("slack:Ev123");
    private static final Reply ANSWER = new Reply.Answer(Answers.withFindings(3));

    private static SlackMessage message(int blocks) {
        List<LayoutBlock> sections = IntStream.range(0, blocks)
                .mapToObj(i -> (LayoutBlock) SectionBlock.builder()
                        .text(MarkdownTextObject.builder().text("part " + i).build())
                        .build())
                .toList();
        return new SlackMessage(sections, "answer");
    }

    @Test
    void an_answers_last_message_gets_the_buttons_naming_the_inquiry() {
        List<SlackMessage> messages = new BlockKitRenderer().render(ANSWER);

        List<SlackMessage> rated = BlockKitFeedback.appendTo(messages, ANSWER, INQUIRY);

        assertThat(rated).hasSameSizeAs(messages);
        assertThat(rated.getLast().blocks().getLast()).isInstanceOfSatisfying(ContextActionsBlock.class, block -> {
            var buttons = (FeedbackButtonsElement) block.getElements().getFirst();
            assertThat(buttons.getActionId()).isEqualTo(BlockKitFeedback.ACTION_ID);
            assertThat(BlockKitFeedback.read(buttons.getPositiveButton().getValue()))
                    .contains(new BlockKitFeedback.Rated(Feedback.Rating.UP, INQUIRY));
            assertThat(BlockKitFeedback.read(buttons.getNegativeButton().getValue()))
                    .contains(new BlockKitFeedback.Rated(Feedback.Rating.DOWN, INQUIRY));
        });
    }

    @Test
    void when_the_last_message_is_full_the_buttons_go_on_a_message_of_their_own() {
        List<SlackMessage> full = List.of(message(3), message(BlockKitLimits.MAX_BLOCKS));

        List<SlackMessage> rated = BlockKitFeedback.appendTo(full, ANSWER, INQUIRY);

        assertThat(rated).hasSize(3);
        assertThat(rated.get(1)).isEqualTo(full.get(1));
        assertThat(rated.get(2).blocks()).singleElement().isInstanceOf(ContextActionsBlock.class);
        assertThat(rated.get(2).text()).isEqualTo(BlockKitFeedback.ASK);
    }

    @Test
    void notices_licence_reports_and_exports_get_no_buttons() {
        Reply notice = new Reply.Notice(Reply.Tone.FAILED, "Sorry");
        List<SlackMessage> messages = new BlockKitRenderer().render(notice);

        assertThat(BlockKitFeedback.appendTo(messages, notice, INQUIRY)).isEqualTo(messages);
    }

    @Test
    void a_value_is_read_only_in_its_exact_form() {
        assertThat(BlockKitFeedback.read("up|slack:cmd:123.456.abcDEF")).isPresent();
        assertThat(List.of(
                        "",
                        "up",
                        "up|",
                        "UP|slack:Ev1",
                        "meh|slack:Ev1",
                        "up|teams:1@abc",
                        "up|slack:Ev1|x",
                        "up|slack:Ev 1",
                        "up|slack:" + "E".repeat(300)))
                .allSatisfy(value ->
                        assertThat(BlockKitFeedback.read(value)).as(value).isEmpty());
        assertThat(BlockKitFeedback.read(null)).isEmpty();
    }
}
