package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.FileText;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.InquiryRules;
import com.architectbot.core.PermanentFailure;
import com.architectbot.queue.Job;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackFilesAndAssistantTest {

    private static final String POM = """
            <project><dependencies><dependency><groupId>org.apache.commons</groupId>\
            <artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency></dependencies></project>""";

    private static final ThreadKey THREAD = new ThreadKey(Surface.SLACK, "T1", "D1", "1.6");

    private final SlackHarness harness = new SlackHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void a_manifest_sent_in_a_dm_is_queued_as_a_licence_check_with_the_file_recorded_not_downloaded() {
        String file = harness.slack.shareFile("pom.xml", POM);

        var response = harness.event("EvFile1", """
                {"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"--policy distributed",\
                "files":[{"id":"%s","name":"pom.xml"},{"id":"F777","name":"screenshot.png"}],\
                "ts":"1700000003.000100","channel":"D1"}""".formatted(file));

        assertThat(response.statusCode()).isEqualTo(200);
        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(job.inquiry().id().value()).isEqualTo("slack:EvFile1");
        assertThat(job.inquiry().text()).isEqualTo("--policy distributed");
        assertThat(job.inquiry().files()).containsExactly(new InquiryFile("pom.xml", URI.create("slack-file:" + file)));
        assertThat(harness.slack.calls("files.info")).isEmpty();
        assertThat(harness.slack.calls("download")).isEmpty();
    }

    @Test
    void a_manifest_attached_to_a_mention_is_checked_in_that_thread() {
        String file = harness.slack.shareFile("package.json", "{\"dependencies\":{\"left-pad\":\"1.3.0\"}}");

        harness.event("EvFile2", """
                {"type":"app_mention","user":"U1","text":"<@UBOT> check this","files":[{"id":"%s","name":"package.json"}],\
                "ts":"1.5","thread_ts":"1.4","channel":"C1"}""".formatted(file));

        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(job.inquiry().thread().thread()).isEqualTo("1.4");
        assertThat(job.inquiry().files())
                .singleElement()
                .extracting(InquiryFile::name)
                .isEqualTo("package.json");
    }

    @Test
    void a_worker_fetches_a_shared_file_with_the_workspace_token() {
        String file = harness.slack.shareFile("pom.xml", POM);

        var manifest = harness.channel
                .forWorkers()
                .files()
                .fetch(new InquiryFile("pom.xml", URI.create("slack-file:" + file)), THREAD);

        assertThat(manifest).isEqualTo(new FileText("pom.xml", POM));
        assertThat(harness.slack.onlyCall("files.info").token()).isEqualTo("xoxb-test");
        assertThat(harness.slack.onlyCall("download").token()).isEqualTo("xoxb-test");
    }

    @Test
    void a_file_link_over_plain_http_is_refused_and_the_token_not_sent() {
        String file = harness.slack.shareFileAt("pom.xml", "http://files.slack.com/files-pri/T1-F1/pom.xml");

        assertThatThrownBy(() -> harness.channel
                        .forWorkers()
                        .files()
                        .fetch(new InquiryFile("pom.xml", URI.create("slack-file:" + file)), THREAD))
                .isInstanceOfSatisfying(PermanentFailure.class, e -> {
                    assertThat(e.userMessage())
                            .isEqualTo("I can only read files stored in Slack, over a secure (https) link.");
                    assertThat(e.getMessage()).contains("http://files.slack.com");
                });
        assertThat(harness.slack.calls("download")).isEmpty();
    }

    @Test
    void a_file_link_to_another_host_is_refused() {
        String file = harness.slack.shareFileAt("pom.xml", "https://files.slack.com.evil.example/pom.xml");

        assertThatThrownBy(() -> harness.channel
                        .forWorkers()
                        .files()
                        .fetch(new InquiryFile("pom.xml", URI.create("slack-file:" + file)), THREAD))
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        e -> assertThat(e.getMessage()).contains("refused to send the bot token"));
    }

    @Test
    void a_file_that_is_gone_fails_with_a_message_for_the_user() {
        assertThatThrownBy(() -> harness.channel
                        .forWorkers()
                        .files()
                        .fetch(new InquiryFile("pom.xml", URI.create("slack-file:F404")), THREAD))
                .isInstanceOfSatisfying(
                        PermanentFailure.class, e -> assertThat(e.userMessage()).contains("file_not_found"));
    }

    @Test
    void a_binary_file_fails_with_a_message_saying_it_is_not_text() {
        String file = harness.slack.shareFile("bom.json", "PK\u0003\u0004\u0000binary");

        assertThatThrownBy(() -> harness.channel
                        .forWorkers()
                        .files()
                        .fetch(new InquiryFile("bom.json", URI.create("slack-file:" + file)), THREAD))
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        e -> assertThat(e.userMessage())
                                .isEqualTo("bom.json is not a text file. Send a manifest such as "
                                        + "pom.xml, package.json or a lockfile."));
    }

    @Test
    void a_file_larger_than_the_limit_fails_with_the_limit_in_the_message() {
        String file = harness.slack.shareFile("package-lock.json", "x".repeat(InquiryRules.MAX_FILE_BYTES + 1));

        assertThatThrownBy(() -> harness.channel
                        .forWorkers()
                        .files()
                        .fetch(new InquiryFile("package-lock.json", URI.create("slack-file:" + file)), THREAD))
                .isInstanceOfSatisfying(
                        PermanentFailure.class,
                        e -> assertThat(e.userMessage()).startsWith("package-lock.json is larger than 2048 KB"));
        assertThat(harness.slack.calls("download")).isEmpty();
    }

    @Test
    void a_new_assistant_thread_gets_three_suggested_prompts_and_a_title() throws Exception {
        var response = harness.event("EvA1", """
                {"type":"assistant_thread_started","assistant_thread":{"user_id":"U1","channel_id":"D1",\
                "thread_ts":"1700000004.000100","context":{"channel_id":"C1","team_id":"T1","enterprise_id":null}},\
                "event_ts":"1700000004.000200"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        var call =
                harness.slack.await("assistant.threads.setSuggestedPrompts", 1).getFirst();
        assertThat(call.param("channel_id")).isEqualTo("D1");
        assertThat(call.param("thread_ts")).isEqualTo("1700000004.000100");
        assertThat(call.param("title")).isEqualTo(SlackAssistant.PROMPTS_TITLE);
        assertThat(new ObjectMapper().readTree(call.param("prompts")).findValuesAsText("title"))
                .containsExactly("Review my architecture", "Check licences", "Plan for scale");
        assertThat(harness.slack.calls("conversations.replies")).isEmpty();
    }
}
