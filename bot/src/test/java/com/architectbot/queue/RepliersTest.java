package com.architectbot.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Reply;
import com.architectbot.core.Reply.Notice;
import com.architectbot.core.Reply.Tone;
import com.architectbot.core.ReplyTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepliersTest {

    private static final Reply HELLO = new Notice(Tone.INFO, "hello");

    @Test
    void reply_goes_to_the_replier_of_the_targets_surface() {
        // given
        List<String> delivered = new ArrayList<>();
        Repliers repliers = new Repliers()
                .register(Surface.SLACK, (target, reply, parts) -> delivered.add("slack"))
                .register(Surface.TEAMS, (target, reply, parts) -> delivered.add("teams"));
        // when
        repliers.deliver(new ReplyTarget(Surface.TEAMS, Map.of()), HELLO, TestReplyParts.unrecorded());
        // then
        assertThat(delivered).containsExactly("teams");
    }

    @Test
    void surface_without_a_replier_is_a_clear_error() {
        Repliers repliers = new Repliers().register(Surface.SLACK, (target, reply, parts) -> {});
        assertThatThrownBy(() ->
                        repliers.deliver(new ReplyTarget(Surface.TEAMS, Map.of()), HELLO, TestReplyParts.unrecorded()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no replier is registered for teams");
    }

    @Test
    void second_replier_for_a_surface_is_refused() {
        Repliers repliers = new Repliers().register(Surface.SLACK, (target, reply, parts) -> {});
        assertThatThrownBy(() -> repliers.register(Surface.SLACK, (target, reply, parts) -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slack");
    }
}
