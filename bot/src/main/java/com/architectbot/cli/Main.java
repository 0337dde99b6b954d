package com.architectbot.cli;

import com.architectbot.ops.ArchitectBot;
import com.architectbot.ops.BotConfig;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one jar's entry point: {@code consult}, {@code license-check}, {@code serve}, {@code doctor}, {@code tenant}. */
@Command(
        name = "architect-bot",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A production architect for your team: consultations in Slack, Teams and the terminal, "
                + "and deterministic open-source licence checks.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            System.setProperty("DEFAULT_LOG_LEVEL", "WARN"); // a terminal command prints its answer, not our logs
        }
        int exitCode;
        try (BotOnDemand bot = new BotOnDemand(BotConfig::fromEnvironment)) {
            exitCode = commandLine(bot).execute(args);
        }
        System.exit(exitCode);
    }

    /** The command tree; the bot is opened only when a command needs it, so {@code --help} always works. */
    static CommandLine commandLine(Supplier<ArchitectBot> bot) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new ConsultCommand(bot));
        cli.addSubcommand(new LicenceCheckCommand(
                () -> bot.get().licences(), () -> bot.get().packageFiles()));
        cli.addSubcommand(new ServeCommand(bot));
        cli.addSubcommand(new DoctorCommand(BotConfig::environment));
        cli.addSubcommand(TenantCommand.commandLine(() -> bot.get().tenancy()));
        cli.setExecutionExceptionHandler(Main::explain);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A failure nobody anticipated still reaches the user as one line, not a stack trace. */
    private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof IllegalArgumentException) { // configuration: the message names the variable and the fix
            err.println("Configuration error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        err.println("architect-bot failed: " + e.getMessage());
        org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
        return ExitCodes.NOT_COMPLETED;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"architect-bot " + (version == null ? "(development build)" : version)};
        }
    }
}
