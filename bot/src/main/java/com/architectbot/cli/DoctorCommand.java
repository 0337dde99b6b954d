package com.architectbot.cli;

import com.architectbot.config.Environment;
import com.architectbot.ops.Doctor;
import com.architectbot.ops.DoctorChecks;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code doctor}: checks configuration and every dependency, and says what to fix. Starts nothing. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check the configuration, Redis, the model endpoint, Slack (auth.test), Teams (a token "
                    + "request) and the licence registries, all at once; print one line per check with what to fix.",
            "Exit code 0 when nothing failed, 1 otherwise."
        })
final class DoctorCommand implements Callable<Integer> {

    static final int UNHEALTHY = 1;
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(15);

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description = "Total time for all checks (default ${DEFAULT-VALUE} s).")
    private int timeoutSeconds;

    @Spec
    private CommandSpec spec;

    private final Supplier<Environment> environment;

    DoctorCommand(Supplier<Environment> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration budget = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        Duration callTimeout = budget.compareTo(DoctorChecks.CALL_TIMEOUT) < 0 ? budget : DoctorChecks.CALL_TIMEOUT;
        List<Doctor.Finding> findings = new Doctor(DoctorChecks.all(environment.get(), callTimeout)).examine(budget);
        findings.forEach(finding -> out.println(finding.line()));
        boolean healthy = Doctor.healthy(findings);
        out.println(healthy ? "All checks passed." : "Some checks failed: fix them and run doctor again.");
        out.flush();
        return healthy ? ExitCodes.OK : UNHEALTHY;
    }
}
