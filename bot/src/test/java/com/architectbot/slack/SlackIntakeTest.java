package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.TypedCommand;
import com.architectbot.queue.Job;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The core's message rules, through Slack's events endpoint. */
class SlackIntakeTest {

    private final SlackHarness harness = new SlackHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void an_empty_mention_is_answered_with_the_help_as_in_teams() {
        harness.event("EvI1", """
                {"type":"app_mention","user":"U1","text":"<@UBOT>","ts":"1.2","channel":"C1"}""");

        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.HELP);
        assertThat(job.replyTo().get("thread_ts")).isEqualTo("1.2");
    }

    @Test
    void usage_mentioned_in_a_channel_is_not_queued_and_the_asker_alone_is_told_where_to_ask() {
        var response = harness.event("EvI2", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> usage","ts":"1.3","thread_ts":"1.1","channel":"C1"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        var ephemeral = harness.slack.await("chat.postEphemeral", 1).getFirst();
        assertThat(ephemeral.param("user")).isEqualTo("U1");
        assertThat(ephemeral.param("thread_ts")).isEqualTo("1.1");
        assertThat(ephemeral.param("text")).contains("`/architect usage`");
        assertThat(harness.queue.jobs).isEmpty();
        assertThat(harness.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_refusal_is_told_once_when_slack_sends_the_event_again() {
        String mention = """
                {"type":"app_mention","user":"U1","text":"<@UBOT> usage","ts":"1.3","thread_ts":"1.1","channel":"C1"}""";

        harness.event("EvI5", mention);
        harness.event("EvI5", mention, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        harness.slack.await("chat.postEphemeral", 1);
        harness.event("EvI6", """
                {"type":"app_mention","user":"U2","text":"<@UBOT> settings","ts":"1.4","thread_ts":"1.1","channel":"C1"}""");
        harness.slack.await("chat.postEphemeral", 2);

        assertThat(harness.slack.calls("chat.postEphemeral"))
                .extracting(call -> call.param("user"))
                .containsExactly("U1", "U2");
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void export_in_a_direct_message_is_answered_privately_once_the_role_is_known() {
        harness.event("EvI3", """
                {"type":"message","channel_type":"im","user":"U1","text":"export","ts":"2.1","channel":"D1"}""");

        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.EXPORT);
        assertThat(SlackTargets.isRoleUnchecked(job.replyTo())).isTrue();
        assertThat(job.replyTo().get(SlackTargets.DIRECT_TO)).isEqualTo("U1");
    }

    static Stream<InquiryKind> privateCommands() {
        return Arrays.stream(InquiryKind.values()).filter(TypedCommand::isPrivate);
    }

    @ParameterizedTest
    @MethodSource("privateCommands")
    void every_private_command_mentioned_in_a_channel_is_refused_and_the_asker_alone_is_told_where_to_ask(
            InquiryKind kind) {
        String word = TypedCommand.word(kind);
        harness.event("EvI5", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> %s","ts":"1.3","channel":"C1"}""".formatted(word));

        var ephemeral = harness.slack.await("chat.postEphemeral", 1).getFirst();
        assertThat(ephemeral.param("user")).isEqualTo("U1");
        assertThat(ephemeral.param("text")).contains("`/architect " + word + "`", "message me directly");
        assertThat(harness.queue.jobs).isEmpty();
        assertThat(harness.slack.calls("chat.postMessage")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("privateCommands")
    void every_private_command_in_a_direct_message_is_queued_for_a_private_answer(InquiryKind kind) {
        harness.event("EvI6", """
                {"type":"message","channel_type":"im","user":"U1","text":"%s","ts":"2.1","channel":"D1"}""".formatted(TypedCommand.word(kind)));

        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(kind);
        assertThat(job.replyTo().get(SlackTargets.DIRECT_TO)).isEqualTo("U1");
    }

    @Test
    void a_question_with_a_screenshot_is_queued_as_the_question_with_the_screenshot_and_nothing_is_refused() {
        harness.event("EvI7", """
                {"type":"message","subtype":"file_share","channel_type":"im","user":"U1",\
                "text":"How should we scale this design?",\
                "files":[{"id":"F124","name":"diagram.png"}],"ts":"3.2","channel":"D1"}""");

        var job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.CONSULTATION);
        assertThat(job.inquiry().text()).isEqualTo("How should we scale this design?");
        assertThat(job.inquiry().files()) // where it is, not what it holds: the worker reads it
                .containsExactly(new InquiryFile("diagram.png", URI.create("slack-file:F124")));
        assertThat(harness.slack.calls("chat.postEphemeral")).isEmpty();
    }

    @Test
    void a_file_no_reader_understands_is_not_queued_and_the_user_gets_the_supported_files() {
        for (String name : List.of("yarn.lock", "composer.json")) {
            harness.event("EvI4-" + name, """
                    {"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"",\
                    "files":[{"id":"F123","name":"%s"}],"ts":"3.1","channel":"D1"}""".formatted(name));
        }

        var told = harness.slack.await("chat.postEphemeral", 2);
        assertThat(told)
                .allSatisfy(call -> assertThat(call.param("text"))
                        .contains("Supported: pom.xml, package.json, package-lock.json, requirements.txt"));
        assertThat(harness.queue.jobs).isEmpty();
    }
}
