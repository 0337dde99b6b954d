package com.architectbot.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Reply;
import org.junit.jupiter.api.Test;

class CommandOutcomeTest {

    @Test
    void a_shown_result_is_information_and_a_denial_says_how_to_fix_it() {
        assertThat(new CommandOutcome.Shown("Settings of this workspace").reply())
                .isEqualTo(new Reply.Notice(Reply.Tone.INFO, "Settings of this workspace"));
        assertThat(new CommandOutcome.Denied("Only workspace admins can ...").reply())
                .isEqualTo(new Reply.Notice(Reply.Tone.REJECTED, "Only workspace admins can ..."));
    }

    @Test
    void an_export_is_sent_as_the_file_itself() {
        var file = new Reply.Export("architect-bot-export.json", "{}", "Your conversations");

        assertThat(new CommandOutcome.Exported(file).reply()).isSameAs(file);
    }

    @Test
    void an_erasure_says_what_went_and_in_slack_how_to_remove_the_tokens_too() {
        assertThat(new CommandOutcome.Erased(Surface.SLACK).reply()).isInstanceOfSatisfying(Reply.Notice.class, n -> {
            assertThat(n.tone()).isEqualTo(Reply.Tone.INFO);
            assertThat(n.text())
                    .startsWith("Done: I erased all of this workspace's data")
                    .contains("uninstall it");
        });
        assertThat(((Reply.Notice) new CommandOutcome.Erased(Surface.TEAMS).reply()).text())
                .doesNotContain("uninstall");
    }

    @Test
    void forget_me_counts_the_erased_messages_or_says_there_were_none() {
        assertThat(((Reply.Notice) new CommandOutcome.Forgotten(3).reply()).text())
                .startsWith("Done: I erased 3 of your messages")
                .contains("audit log");
        assertThat(((Reply.Notice) new CommandOutcome.Forgotten(0).reply()).text())
                .startsWith("I kept no conversations of yours")
                .contains("audit log");
        assertThatThrownBy(() -> new CommandOutcome.Forgotten(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_refusal_names_a_limit_and_is_rejected_in_tone() {
        assertThat(new Refusal(Admission.USER_TOKENS, "Sorry, I haven't answered this one").reply())
                .isEqualTo(new Reply.Notice(Reply.Tone.REJECTED, "Sorry, I haven't answered this one"));
        assertThatThrownBy(() -> new Refusal(Admission.ADMITTED, "no")).isInstanceOf(IllegalArgumentException.class);
    }
}
