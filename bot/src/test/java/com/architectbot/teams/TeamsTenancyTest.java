package com.architectbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryKind;
import com.architectbot.core.UserRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeamsTenancyTest {

    private TeamsFixture teams = TeamsFixture.withAdmins("aad-admin-9, aad-user-1");

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void usage_from_a_listed_admin_carries_the_admin_role() {
        teams.post(teams.personalMessage("1700000000101", "usage"));

        var inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.kind()).isEqualTo(InquiryKind.USAGE);
        assertThat(inquiry.role()).isEqualTo(UserRole.ADMIN);
    }

    @Test
    void settings_from_someone_not_listed_carry_the_member_role_and_the_arguments() {
        teams.close();
        teams = TeamsFixture.withAdmins("aad-admin-9");

        teams.post(teams.personalMessage("1700000000102", "settings licence-policy saas"));

        var inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.kind()).isEqualTo(InquiryKind.SETTINGS);
        assertThat(inquiry.role()).isEqualTo(UserRole.MEMBER);
        assertThat(inquiry.text()).isEqualTo("licence-policy saas");
    }

    @Test
    void erase_all_data_and_its_confirmation_from_a_listed_admin_are_queued_as_the_admin() {
        teams.post(teams.personalMessage("1700000000106", "erase-all-data"));
        teams.post(teams.personalMessage("1700000000107", "erase-all-data confirm"));

        assertThat(teams.queue.jobs)
                .extracting(job -> job.inquiry().kind())
                .containsExactly(InquiryKind.ERASE_ALL_DATA, InquiryKind.ERASE_ALL_DATA);
        assertThat(teams.queue.jobs).extracting(job -> job.inquiry().text()).containsExactly("", "confirm");
        assertThat(teams.queue.jobs).extracting(job -> job.inquiry().role()).containsOnly(UserRole.ADMIN);
    }

    @Test
    void erase_all_data_from_someone_not_listed_carries_the_member_role() {
        teams.close();
        teams = TeamsFixture.withAdmins("aad-admin-9");

        teams.post(teams.personalMessage("1700000000108", "erase-all-data confirm"));

        var inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.kind()).isEqualTo(InquiryKind.ERASE_ALL_DATA);
        assertThat(inquiry.role()).isEqualTo(UserRole.MEMBER);
    }

    @Test
    void a_listed_admin_id_without_a_tenant_carries_the_member_role() {
        var message = teams.personalMessage("1700000000109", "erase-all-data confirm");
        message.withObjectProperty("conversation").remove("tenantId");

        teams.post(message);

        var inquiry = teams.queue.onlyJob().inquiry();
        assertThat(inquiry.thread().tenant()).isEqualTo(TeamsInquiries.NO_TENANT);
        assertThat(inquiry.role()).isEqualTo(UserRole.MEMBER);
    }

    @Test
    void export_in_a_channel_is_not_queued_and_points_to_the_personal_chat() {
        teams.post(teams.channelMention("1700000000103", "Architect Bot", "export"));

        assertThat(teams.queue.jobs).isEmpty();
        assertThat(teams.connector
                        .activitiesOfType("message")
                        .getFirst()
                        .body()
                        .path("text")
                        .asText())
                .isEqualTo("`export` is about you or your workspace alone, so I only answer it in private: "
                        + "open a personal chat with me and type export.");
    }

    @Test
    void export_and_forget_me_in_a_personal_chat_are_queued() {
        teams.post(teams.personalMessage("1700000000104", "export"));
        teams.post(teams.personalMessage("1700000000105", "forget-me"));

        assertThat(teams.queue.jobs)
                .extracting(job -> job.inquiry().kind())
                .containsExactly(InquiryKind.EXPORT, InquiryKind.FORGET_ME);
    }
}
