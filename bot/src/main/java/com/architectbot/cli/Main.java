package com.architectbot.cli;

import com.architectbot.config.Environment;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.release.PackageFiles;
import com.architectbot.ops.ArchitectBot;
import com.architectbot.ops.BotConfig;
import com.architectbot.ops.LicenceConfig;
import com.architectbot.ops.LocalLicenceCheck;
import java.io.PrintWriter;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
        System.exit(run(BotConfig.environment(), UnaryOperator.identity(), args));
    }

    /**
     * Runs one command in this environment and returns its exit code. {@code license-check} opens Redis and the
     * licence check alone (no model, channel or queue); the other commands open the whole bot.
     *
     * @param streams where the command writes (the process's stdout and stderr, or a test's)
     */
    static int run(Environment env, UnaryOperator<CommandLine> streams, String... args) {
        try (var bot = new OnDemand<>(() -> ArchitectBot.open(BotConfig.from(env)), ArchitectBot::close);
                var licences = new OnDemand<>(
                        () -> LocalLicenceCheck.open(LicenceConfig.from(env)), LocalLicenceCheck::close)) {
            return streams.apply(commandLine(
                            bot,
                            () -> licences.get().licences(),
                            () -> licences.get().packageFiles(),
                            () -> env))
                    .execute(args);
        }
    }

    /** The command tree; what a command needs is opened when it runs, so {@code --help} always works. */
    private static CommandLine commandLine(
            Supplier<ArchitectBot> bot,
            Supplier<LicenceService> licences,
            Supplier<PackageFiles> packageFiles,
            Supplier<Environment> env) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new ConsultCommand(bot));
        cli.addSubcommand(new LicenceCheckCommand(licences, packageFiles));
        cli.addSubcommand(new ServeCommand(bot));
        cli.addSubcommand(new DoctorCommand(env));
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
