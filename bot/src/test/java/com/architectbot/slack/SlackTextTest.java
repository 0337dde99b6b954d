package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

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
    void a_quote_is_escaped_so_it_cannot_ping_anyone() {
        assertThat(SlackText.quote("Tell <!channel>\nnow & then"))
                .isEqualTo("> Tell &lt;!channel&gt;\n> now &amp; then");
    }
}
