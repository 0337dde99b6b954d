package com.architectbot.tenancy;

import static com.architectbot.tenancy.TenancyPorts.TENANT;
import static com.architectbot.tenancy.TenancyPorts.inquiry;
import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.core.InquiryKind;
import com.architectbot.core.UserRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminCommandsTest {

    private final TenancyPorts.Profiles profiles = new TenancyPorts.Profiles();
    private final TenantPlans plans = new TenantPlans(profiles, TenancySettings.defaults());
    private final List<TenantId> erased = new ArrayList<>();
    private final List<String> reportsFor = new ArrayList<>();
    private final AdminCommands commands = new AdminCommands(
            (tenant, viewer) -> {
                reportsFor.add(viewer);
                return "Usage of this workspace";
            },
            new SettingsCommand(PriceTable.bundled(), profiles),
            tenant -> {
                erased.add(tenant);
                profiles.erase(tenant);
            },
            plans);

    @Test
    void a_member_is_denied_every_admin_command_and_nothing_runs() {
        // when
        var usage = commands.usage(inquiry(InquiryKind.USAGE, UserRole.MEMBER, ""));
        var settings = commands.settings(inquiry(InquiryKind.SETTINGS, UserRole.MEMBER, "model gpt-4o"));
        var erase = commands.eraseAllData(inquiry(InquiryKind.ERASE_ALL_DATA, UserRole.MEMBER, "confirm"));
        // then
        assertThat(List.of(usage, settings, erase))
                .allSatisfy(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(
                                CommandOutcome.Denied.class,
                                denied -> assertThat(denied.text())
                                        .startsWith("Only workspace admins can")
                                        .contains("/architect")));
        assertThat(reportsFor).isEmpty();
        assertThat(erased).isEmpty();
        assertThat(profiles.stored).isEmpty();
    }

    @Test
    void an_admin_sees_the_usage_report_with_their_own_counters() {
        var outcome = commands.usage(inquiry(InquiryKind.USAGE, UserRole.ADMIN, ""));

        assertThat(outcome).isEqualTo(new CommandOutcome.Shown("Usage of this workspace"));
        assertThat(reportsFor).containsExactly("U1");
    }

    @Test
    void wrong_settings_are_denied_and_nothing_is_saved_while_right_ones_are_shown_saved() {
        var unknown = commands.settings(inquiry(InquiryKind.SETTINGS, UserRole.ADMIN, "model gpt-9"));
        assertThat(unknown).isInstanceOf(CommandOutcome.Denied.class);
        assertThat(profiles.stored).isEmpty();

        var saved = commands.settings(inquiry(InquiryKind.SETTINGS, UserRole.ADMIN, "model gpt-4o"));
        assertThat(saved)
                .isInstanceOfSatisfying(
                        CommandOutcome.Shown.class,
                        shown -> assertThat(shown.text()).startsWith("Saved.").contains("gpt-4o"));
        assertThat(profiles.load(TENANT).model()).contains("gpt-4o");
    }

    @Test
    void erase_all_data_without_confirm_only_says_what_would_go() {
        var outcome = commands.eraseAllData(inquiry(InquiryKind.ERASE_ALL_DATA, UserRole.ADMIN, ""));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        CommandOutcome.Shown.class,
                        shown -> assertThat(shown.text()).contains("It cannot be undone", "erase-all-data confirm"));
        assertThat(erased).isEmpty();
    }

    @Test
    void erase_all_data_confirmed_by_an_admin_erases_and_keeps_the_plan_the_operator_set() {
        // given
        plans.set(TENANT, Plan.ENTERPRISE);
        commands.settings(inquiry(InquiryKind.SETTINGS, UserRole.ADMIN, "model gpt-4o"));
        // when
        var outcome = commands.eraseAllData(inquiry(InquiryKind.ERASE_ALL_DATA, UserRole.ADMIN, " CONFIRM "));
        // then
        assertThat(outcome).isEqualTo(new CommandOutcome.Erased(TENANT.surface()));
        assertThat(erased).containsExactly(TENANT);
        assertThat(profiles.load(TENANT)).isEqualTo(TenantProfile.EMPTY.withPlan(Optional.of(Plan.ENTERPRISE)));
    }

    @Test
    void erase_all_data_of_a_tenant_without_a_stored_plan_stores_none() {
        commands.eraseAllData(inquiry(InquiryKind.ERASE_ALL_DATA, UserRole.ADMIN, "confirm"));

        assertThat(erased).containsExactly(TENANT);
        assertThat(profiles.stored).isEmpty();
    }
}
