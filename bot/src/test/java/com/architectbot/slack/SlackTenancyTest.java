package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.Reply;
import com.architectbot.core.UserRole;
import com.architectbot.queue.Job;
import com.architectbot.queue.ReplyParts;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.tenancy.TenantId;
import com.architectbot.testing.FakeSlackApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackTenancyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<TenantId> erased = new CopyOnWriteArrayList<>();
    private final SlackHarness harness = new SlackHarness(false, erased::add);
    private final String channel = SlackHarness.uniqueChannel("C");

    @AfterEach
    void stop() {
        harness.close();
    }

    /** Sends the command, then prepares its job as the worker that takes it does, and returns the job then. */
    private Job command(String user, String text) throws Exception {
        int queued = harness.queue.jobs.size();
        var response =
                harness.command(Map.of("command", "/architect", "text", text, "channel_id", channel, "user_id", user));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("text").asText()).isEqualTo(SlackFeedback.PRIVATE_ACK);
        assertThat(harness.queue.jobs).hasSize(queued + 1); // queued before the ack
        Job job = harness.queue.jobs.getLast();
        return harness.channel
                .forWorkers()
                .replier()
                .prepare(job, ReplyParts.unrecorded(job.inquiry().id(), "thread"));
    }

    @Test
    void a_private_command_is_queued_before_the_ack_and_its_role_is_asked_for_by_the_worker() throws Exception {
        harness.slack.admins("UADMIN");
        harness.command(Map.of("command", "/architect", "text", "usage", "channel_id", channel, "user_id", "UADMIN"));

        Job queued = harness.queue.jobs.getLast();

        assertThat(queued.inquiry().role()).isEqualTo(UserRole.MEMBER); // never assumed: not asked yet
        assertThat(harness.slack.calls("users.info")).isEmpty();
        Job prepared = harness.channel
                .forWorkers()
                .replier()
                .prepare(queued, ReplyParts.unrecorded(queued.inquiry().id(), "thread"));
        assertThat(prepared.inquiry().role()).isEqualTo(UserRole.ADMIN);
        assertThat(prepared.replyTo()).isEqualTo(SlackTargets.direct(FakeSlackApi.TEAM, "UADMIN"));
    }

    @Test
    void usage_from_a_member_is_queued_as_a_member_to_be_answered_in_a_direct_message() throws Exception {
        Job job = command("U1", "usage");

        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.USAGE);
        assertThat(job.inquiry().role()).isEqualTo(UserRole.MEMBER);
        assertThat(job.replyTo().address())
                .containsEntry(SlackTargets.DIRECT_TO, "U1")
                .doesNotContainKey(SlackTargets.CHANNEL);
        assertThat(harness.slack.onlyCall("users.info").param("user")).isEqualTo("U1");
    }

    @Test
    void settings_from_a_workspace_admin_carry_the_admin_role_and_the_arguments() throws Exception {
        harness.slack.admins("UADMIN");

        Job job = command("UADMIN", "settings licence-policy saas model gpt-4o");

        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.SETTINGS);
        assertThat(job.inquiry().role()).isEqualTo(UserRole.ADMIN);
        assertThat(job.inquiry().text()).isEqualTo("licence-policy saas model gpt-4o");
        assertThat(job.inquiry().thread().tenant()).isEqualTo(FakeSlackApi.TEAM);
    }

    @Test
    void an_admin_of_another_workspace_carries_the_member_role() throws Exception {
        harness.slack.admins("UOTHER");
        harness.slack.userOfTeam("UOTHER", "T-OTHER");

        Job job = command("UOTHER", "erase-all-data confirm");

        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.ERASE_ALL_DATA);
        assertThat(job.inquiry().role()).isEqualTo(UserRole.MEMBER);
    }

    @Test
    void the_admin_flag_is_looked_up_once_for_a_burst_of_commands() throws Exception {
        command("U2", "usage");
        command("U2", "settings");

        assertThat(harness.slack.calls("users.info")).hasSize(1);
    }

    @Test
    void export_and_forget_me_are_queued_for_the_asker() throws Exception {
        assertThat(command("U1", "export").inquiry().kind()).isEqualTo(InquiryKind.EXPORT);
        assertThat(command("U1", "forget-me").inquiry().kind()).isEqualTo(InquiryKind.FORGET_ME);
    }

    @Test
    void erase_all_data_and_its_confirmation_are_queued_with_the_admin_role_for_a_direct_message() throws Exception {
        harness.slack.admins("UADMIN");

        Job prompt = command("UADMIN", "erase-all-data");
        Job confirmed = command("UADMIN", "erase-all-data confirm");

        assertThat(prompt.inquiry().kind()).isEqualTo(InquiryKind.ERASE_ALL_DATA);
        assertThat(prompt.inquiry().text()).isEmpty();
        assertThat(confirmed.inquiry().kind()).isEqualTo(InquiryKind.ERASE_ALL_DATA);
        assertThat(confirmed.inquiry().text()).isEqualTo("confirm");
        assertThat(confirmed.inquiry().role()).isEqualTo(UserRole.ADMIN);
        assertThat(confirmed.replyTo().address()).containsEntry(SlackTargets.DIRECT_TO, "UADMIN");
    }

    @Test
    void erase_all_data_from_a_member_is_queued_as_a_member_so_the_core_refuses_it() throws Exception {
        Job job = command("U1", "erase-all-data confirm");

        assertThat(job.inquiry().kind()).isEqualTo(InquiryKind.ERASE_ALL_DATA);
        assertThat(job.inquiry().role()).isEqualTo(UserRole.MEMBER);
    }

    @Test
    void an_export_is_uploaded_as_a_file_in_a_direct_message() {
        var replier = harness.channel.forWorkers().replier();

        replier.deliver(
                SlackTargets.direct("T1", "U1"),
                new Reply.Export("architect-bot-export.json", "{\"threads\":[]}", "Your conversations: 0 messages."),
                TestReplyParts.unrecorded());

        assertThat(harness.slack.onlyCall("conversations.open").param("users")).isEqualTo("U1");
        assertThat(harness.slack.onlyCall("files.getUploadURLExternal").param("filename"))
                .isEqualTo("architect-bot-export.json");
        assertThat(harness.slack.onlyCall("files.completeUploadExternal").param("channel_id"))
                .isEqualTo("DU1");
        var summary = harness.slack.onlyCall("chat.postMessage");
        assertThat(summary.param("channel")).isEqualTo("DU1");
        assertThat(summary.param("text")).contains("Your conversations: 0 messages.");
    }

    @Test
    void uninstalling_the_app_erases_the_workspace() {
        var response = harness.postSigned(
                SlackHarness.envelopeWithoutAuthorizations(
                        "T7", "EvU7", "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.1\"}"),
                "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(erased).containsExactly(new TenantId(Surface.SLACK, "T7"));
    }
}
