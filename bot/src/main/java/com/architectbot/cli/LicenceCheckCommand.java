package com.architectbot.cli;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.PermanentFailure;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.policy.LicencePolicy;
import com.architectbot.licence.release.BundledLicenceTexts;
import com.architectbot.licence.release.PackageFiles;
import com.architectbot.licence.release.ThirdPartyNotices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code license-check}: a licence check from the command line, and a CI gate. Exit 0 when nothing is a
 * blocker, 1 when something is, 2 on bad input (a message on stderr, no stack trace), 3 when the check
 * itself failed.
 */
@Command(
        name = "license-check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Checks the licences of packages and manifests against a distribution model.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing is a blocker",
            "1:at least one dependency is a blocker",
            "2:bad input",
            "3:the check failed"
        })
public final class LicenceCheckCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LicenceCheckCommand.class);
    /** What looks like a file name; anything else that is not a file is read as a package spec. */
    private static final Pattern FILE_LIKE =
            Pattern.compile("(?i).*\\.(xml|json|txt|toml|lock|mod|gradle|kts|spdx|cdx)$");

    private final Supplier<LicenceService> services;
    private final Supplier<PackageFiles> packageFiles;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--policy",
            paramLabel = "MODEL",
            description = "saas, distributed or internal (default: LICENCE_POLICY, else distributed)")
    String policy;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "md",
            description = "md, json, csv, cyclonedx (CycloneDX 1.6 SBOM), spdx (SPDX 2.3 SBOM) or notices (a"
                    + " THIRD-PARTY-NOTICES file; reads each package's own LICENSE/NOTICE from its registry)"
                    + " (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--direct-only", description = "check direct dependencies only")
    boolean directOnly;

    @Option(names = "--include-test-scopes", description = "include test and provided scopes")
    boolean includeTestScopes;

    @Option(names = "--policy-file", paramLabel = "PATH", description = "company policy (JSON) over the defaults")
    Path policyFile;

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description = "a manifest or SBOM file, a package URL (pkg:npm/react@18.2.0), g:a:v, or name@version")
    List<String> inputs;

    /**
     * @param services builds the service on first use, so {@code --help} needs no registry
     * @param packageFiles packages' own licence files, asked for only by {@code --format notices}
     */
    public LicenceCheckCommand(Supplier<LicenceService> services, Supplier<PackageFiles> packageFiles) {
        this.services = requireNonNull(services, "services");
        this.packageFiles = requireNonNull(packageFiles, "packageFiles");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReportFormat output = ReportFormat.of(format);
            DistributionModel model = policy == null
                    ? null
                    : DistributionModel.fromId(policy)
                            .orElseThrow(() -> new PermanentFailure(
                                    "Unknown --policy '" + policy + "': use one of " + DistributionModel.ids() + "."));
            List<CheckInput> checkInputs = readInputs(inputs);
            LicenceService service = services.get();
            LicencePolicy chosen = service.policy(model, policyFile);
            LicenceReport report =
                    service.check(checkInputs, chosen, new ResolveOptions(directOnly, includeTestScopes));
            out.print(output.render(report, checkInputs, this::notices));
            out.flush();
            return report.hasBlocker() ? ExitCodes.BLOCKER : ExitCodes.OK;
        } catch (PermanentFailure e) {
            err.println(e.userMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            throw e; // a setting naming its variable: Main explains it as a configuration error, as for every command
        } catch (RuntimeException e) {
            LOG.debug("license-check failed", e);
            err.println("The licence check could not be completed: " + e.getMessage() + ". Nothing was checked;"
                    + " run it again.");
            err.flush();
            return ExitCodes.NOT_COMPLETED;
        }
    }

    private String notices(LicenceReport report) {
        String project = inputs.stream()
                .map(input -> asPath(input) != null && Files.isRegularFile(asPath(input))
                        ? asPath(input).getFileName().toString()
                        : input.strip())
                .collect(Collectors.joining(", "));
        var header = new ThirdPartyNotices.Header(project, LocalDate.now(Clock.systemUTC()), includeTestScopes);
        return new ThirdPartyNotices(
                        packageFiles.get(),
                        BundledLicenceTexts.bundled(),
                        ThirdPartyNotices.DEFAULT_BUDGET,
                        ThirdPartyNotices.COMMAND_LINE_MAX_CHARS)
                .render(header, report);
    }

    static List<CheckInput> readInputs(List<String> arguments) {
        List<CheckInput> checkInputs = new ArrayList<>();
        for (String argument : arguments) {
            checkInputs.add(readInput(argument.strip()));
        }
        return checkInputs;
    }

    private static CheckInput readInput(String argument) {
        if (argument.isEmpty()) {
            throw new PermanentFailure("An input is empty: give a file, a package URL, g:a:v or name@version.");
        }
        if (argument.startsWith("pkg:")) {
            return new CheckInput.PackageSpec(argument);
        }
        Path path = asPath(argument);
        if (path != null && Files.isRegularFile(path)) {
            try {
                return new CheckInput.Manifest(path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
                throw new PermanentFailure(
                        "Cannot read " + argument + ": " + e.getMessage(), "cannot read " + argument, e);
            }
        }
        if (FILE_LIKE.matcher(argument).matches()) {
            throw new PermanentFailure("No such file: " + argument + ".");
        }
        return new CheckInput.PackageSpec(argument);
    }

    private static Path asPath(String argument) {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
