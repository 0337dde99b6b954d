package com.architectbot.cli;

import com.architectbot.conversation.Surface;
import com.architectbot.tenancy.Plan;
import com.architectbot.tenancy.Tenancy;
import com.architectbot.tenancy.TenantId;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tenant plan|usage|erase}: the operator's hand on one workspace (a Slack team or a Teams tenant),
 * through the same tenancy code the bot uses, so nobody edits Redis by hand.
 */
@Command(
        name = "tenant",
        mixinStandardHelpOptions = true,
        description = "Operators: set a tenant's plan, print its usage, or erase all of its data.")
final class TenantCommand implements Runnable {

    /** The platforms a tenant lives on: the CLI has no tenants of its own. */
    enum Platform {
        SLACK(Surface.SLACK),
        TEAMS(Surface.TEAMS);

        private final Surface surface;

        Platform(Surface surface) {
            this.surface = surface;
        }
    }

    /** The tenant a subcommand acts on: its platform and its id there. */
    static final class TenantArgument {
        @Parameters(index = "0", paramLabel = "PLATFORM", description = "slack or teams")
        private Platform platform;

        @Parameters(index = "1", paramLabel = "TENANT", description = "Slack team id or Teams tenant id")
        private String id;

        TenantId tenant() {
            return new TenantId(platform.surface, id.strip());
        }
    }

    @Spec
    private CommandSpec spec;

    private final Supplier<Tenancy> tenancy;

    private TenantCommand(Supplier<Tenancy> tenancy) {
        this.tenancy = tenancy;
    }

    /** The command with its subcommands; platforms and plans are accepted in any case. */
    static CommandLine commandLine(Supplier<Tenancy> tenancy) {
        return new CommandLine(new TenantCommand(tenancy)).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, description = "Set the plan the tenant pays for.")
    int plan(
            @Mixin TenantArgument argument,
            @Parameters(index = "2", paramLabel = "PLAN", description = "free, team or enterprise") Plan plan) {
        TenantId tenant = argument.tenant();
        tenancy.get().setPlan(tenant, plan);
        spec.commandLine().getOut().println(tenant + " is now on the " + plan.label() + " plan.");
        return ExitCodes.OK;
    }

    @Command(
            name = "usage",
            mixinStandardHelpOptions = true,
            description = "Print this month's usage report, as the tenant's admins see it.")
    int usage(@Mixin TenantArgument argument) {
        spec.commandLine().getOut().println(tenancy.get().usageReport(argument.tenant(), operator()));
        return ExitCodes.OK;
    }

    @Command(
            name = "erase",
            mixinStandardHelpOptions = true,
            description = "Erase all of the tenant's data, its plan included; needs --yes.")
    int erase(
            @Mixin TenantArgument argument,
            @Option(names = "--yes", description = "Really erase: it cannot be undone.") boolean yes) {
        TenantId tenant = argument.tenant();
        if (!yes) {
            spec.commandLine()
                    .getErr()
                    .println("Nothing erased. This would erase all data of " + tenant + ": " + Tenancy.ERASED_DATA
                            + ", and its plan. It cannot be undone. Add --yes to erase.");
            return ExitCodes.BAD_INPUT;
        }
        tenancy.get().erase(tenant, operator());
        spec.commandLine()
                .getOut()
                .println("Erased all data of " + tenant + ". Its audit log holds one entry: this " + "erasure.");
        return ExitCodes.OK;
    }

    /** Who the audit log says erased a tenant: the operator's login. */
    private static String operator() {
        return "operator:" + System.getProperty("user.name", "unknown");
    }
}
