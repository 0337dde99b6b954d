package com.architectbot.tenancy;

import com.architectbot.conversation.Surface;
import com.architectbot.core.Inquiry;
import java.util.Optional;
import java.util.function.Function;

/**
 * The commands only a workspace's admins may run: {@code usage}, {@code settings} and {@code erase-all-data}.
 * A member is denied politely, told who the admins are and what to ask them for.
 */
record AdminCommands(UsageReports reports, SettingsCommand settings, TenantEraser eraser, TenantPlans plans) {

    CommandOutcome usage(Inquiry inquiry) {
        return adminOnly(
                inquiry,
                "see this workspace's usage",
                admin -> new CommandOutcome.Shown(reports.report(TenantId.of(admin.thread()), admin.user())));
    }

    CommandOutcome settings(Inquiry inquiry) {
        return adminOnly(
                inquiry,
                "change this workspace's settings",
                admin -> settings.apply(admin, TenantId.of(admin.thread())));
    }

    /** Without {@code confirm}: what would go and how to confirm. With it: erased, and the plan kept. */
    CommandOutcome eraseAllData(Inquiry inquiry) {
        return adminOnly(inquiry, "erase all of this workspace's data", this::erase);
    }

    private CommandOutcome erase(Inquiry inquiry) {
        Surface surface = inquiry.thread().surface();
        if (!inquiry.text().strip().equalsIgnoreCase(ErasureTexts.CONFIRM)) {
            return new CommandOutcome.Shown(ErasureTexts.prompt(surface));
        }
        TenantId tenant = TenantId.of(inquiry.thread());
        Optional<Plan> plan = plans.stored(tenant);
        eraser.erase(tenant);
        plan.ifPresent(paid -> plans.set(tenant, paid)); // the operator's commercial record, not the workspace's data
        return new CommandOutcome.Erased(surface);
    }

    private static CommandOutcome adminOnly(Inquiry inquiry, String what, Function<Inquiry, CommandOutcome> command) {
        Surface surface = inquiry.thread().surface();
        return switch (inquiry.role()) {
            case ADMIN -> command.apply(inquiry);
            case MEMBER ->
                new CommandOutcome.Denied("Only workspace admins can " + what + ". "
                        + Commands.whoIsAdmin(surface) + " If you need something changed, ask one of them to run "
                        + Commands.of(surface, inquiry.kind()) + ".");
        };
    }
}
