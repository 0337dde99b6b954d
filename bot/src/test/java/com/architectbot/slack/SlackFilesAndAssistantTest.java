package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.consultation.Attachment;
import com.architectbot.consultation.InquiryKind;
import com.architectbot.queue.Job;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackFilesAndAssistantTest {

    private static final String POM = """
            <project><dependencies><dependency><groupId>org.apache.commons</groupId>\
            <artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency></dependencies></project>""";

    private final SlackHarness harness = new SlackHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void a_manifest_sent_in_a_dm_is_downloaded_with_the_bot_token_and_queued_as_a_licence_check() {
        String file = harness.slack.shareFile("pom.xml", POM);

        var response = harness.event("EvFile1", """
                {"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"--policy distributed",\
                "files":[{"id":"%s","name":"pom.xml"}],"ts":"1700000003.000100","channel":"D1"}""".formatted(file));

        assertThat(response.statusCode()).isEqualTo(200);
        Job job = harness.awaitJob(1);
        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.LICENCE_CHECK);
        assertThat(job.inquiry().id().value()).isEqualTo("slack:EvFile1");
        assertThat(job.inquiry().text()).isEqualTo("--policy distributed");
        assertThat(job.inquiry().attachments()).containsExactly(new Attachment("pom.xml", POM));
        assertThat(harness.slack.onlyCall("download").token()).isEqualTo("xoxb-test");
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
        assertThat(job.inquiry().attachments()).singleElement().extracting(Attachment::fileName).isEqualTo("package.json");
    }

    @Test
    void a_file_that_cannot_be_read_is_reported_in_the_thread_not_dropped_silently() {
        harness.event("EvFile3", """
                {"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"",\
                "files":[{"id":"F404","name":"pom.xml"}],"ts":"1.6","channel":"D1"}""");

        var told = harness.slack.await("chat.postMessage", 1).getFirst();
        assertThat(told.param("thread_ts")).isEqualTo("1.6");
        assertThat(told.param("text")).contains("Slack refused the request (file_not_found)");
        assertThat(harness.queue.jobs).isEmpty();
    }

    @Test
    void a_new_assistant_thread_gets_three_suggested_prompts_and_a_title() throws Exception {
        var response = harness.event("EvA1", """
                {"type":"assistant_thread_started","assistant_thread":{"user_id":"U1","channel_id":"D1",\
                "thread_ts":"1700000004.000100","context":{"channel_id":"C1","team_id":"T1","enterprise_id":null}},\
                "event_ts":"1700000004.000200"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        var call = harness.slack.await("assistant.threads.setSuggestedPrompts", 1).getFirst();
        assertThat(call.param("channel_id")).isEqualTo("D1");
        assertThat(call.param("thread_ts")).isEqualTo("1700000004.000100");
        assertThat(call.param("title")).isEqualTo(SlackAssistant.PROMPTS_TITLE);
        assertThat(new ObjectMapper().readTree(call.param("prompts")).findValuesAsText("title"))
                .containsExactly("Review my architecture", "Check licences", "Plan for scale");
        assertThat(harness.slack.calls("conversations.replies")).isEmpty();
    }
}
