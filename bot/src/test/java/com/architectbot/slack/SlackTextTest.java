package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryKind;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void the_bots_mention_is_stripped_and_other_mentions_stay() {
        assertThat(SlackText.withoutMention("<@UBOT> ask <@U2> about <@UBOT|architect> sharding", "UBOT"))
                .isEqualTo("ask <@U2> about  sharding");
        assertThat(SlackText.withoutMention("<@UBOT|architect>   hi", null)).isEqualTo("hi");
        assertThat(SlackText.withoutMention(null, "UBOT")).isEmpty();
    }

    @Test
    void help_forget_and_license_check_are_commands_and_the_rest_is_a_question() {
        assertThat(SlackText.parse(" HELP ")).isEqualTo(new SlackText.Parsed(InquiryKind.HELP, "HELP"));
        assertThat(SlackText.parse("forget").kind()).isEqualTo(InquiryKind.FORGET);
        assertThat(SlackText.parse("license-check pkg:npm/left-pad@1.3.0 --policy saas"))
                .isEqualTo(new SlackText.Parsed(InquiryKind.LICENCE_CHECK, "pkg:npm/left-pad@1.3.0 --policy saas"));
        assertThat(SlackText.parse("/licence-check a:b:1").kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(SlackText.parse("should we forget about Kafka?").kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(SlackText.parse("license-checking is next week").kind()).isEqualTo(InquiryKind.CONSULTATION);
    }

    @Test
    void a_quote_is_escaped_so_it_cannot_ping_anyone() {
        assertThat(SlackText.quote("Tell <!channel>\nnow & then"))
                .isEqualTo("> Tell &lt;!channel&gt;\n> now &amp; then");
    }
}
