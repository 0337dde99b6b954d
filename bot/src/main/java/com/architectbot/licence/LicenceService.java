package com.architectbot.licence;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.FileText;
import com.architectbot.core.LicenceChecks;
import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceFinding;
import com.architectbot.core.report.LicenceReport;
import com.architectbot.core.report.Provenance;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;
import com.architectbot.licence.LicenceRegistry.Lookup;
import com.architectbot.licence.policy.Evaluation;
import com.architectbot.licence.policy.LicenceCategories;
import com.architectbot.licence.policy.LicenceEvaluator;
import com.architectbot.licence.policy.LicencePolicy;
import com.architectbot.licence.policy.LicencePolicyFile;
import com.architectbot.licence.spdx.SpdxCatalogue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licence check use case: resolve the inputs to a dependency tree, ask the registry for every
 * licence the input does not carry (concurrently, on virtual threads, within one time budget), read
 * each as SPDX, judge it under the policy, and report. Registry trouble makes a partial report, never
 * a failure; only unreadable input fails ({@link com.architectbot.core.PermanentFailure}).
 */
public final class LicenceService implements LicenceChecks {

    private static final Logger LOG = LoggerFactory.getLogger(LicenceService.class);

    private final DependencyResolver resolver;
    private final LicenceLookups lookups;
    private final LicenceNormaliser normaliser;
    private final LicenceEvaluator evaluator;
    private final LicenceSettings settings;
    private final String listVersion;

    public LicenceService(DependencyResolver resolver, LicenceRegistry registry, LicenceSettings settings) {
        this(
                resolver,
                registry,
                new LicenceNormaliser(SpdxCatalogue.bundled()),
                new LicenceEvaluator(LicenceCategories.bundled()),
                settings);
    }

    public LicenceService(
            DependencyResolver resolver,
            LicenceRegistry registry,
            LicenceNormaliser normaliser,
            LicenceEvaluator evaluator,
            LicenceSettings settings) {
        this.resolver = requireNonNull(resolver, "resolver");
        this.lookups = new LicenceLookups(requireNonNull(registry, "registry"), settings.lookupBudget());
        this.normaliser = requireNonNull(normaliser, "normaliser");
        this.evaluator = requireNonNull(evaluator, "evaluator");
        this.settings = requireNonNull(settings, "settings");
        this.listVersion = SpdxCatalogue.bundled().listVersion();
    }

    public LicenceSettings settings() {
        return settings;
    }

    /**
     * The policy to judge by: the defaults, the company's policy file over them ({@code policyFile}, else
     * the settings' file), for {@code model} (else the file's model, else the settings' default).
     *
     * @param model null for the default
     * @param policyFile null for the settings' file
     */
    public LicencePolicy policy(DistributionModel model, Path policyFile) {
        LicencePolicy policy = LicencePolicy.defaults(settings.defaultModel());
        Path file = policyFile != null ? policyFile : settings.policyFile();
        if (file != null) {
            policy = LicencePolicyFile.read(file, policy);
        }
        return model == null ? policy : policy.withModel(model);
    }

    /** A check asked for in chat: the request's policy, else the tenant's, else the configured one. */
    @Override
    public LicenceReport check(String request, List<FileText> files, Optional<DistributionModel> tenantPolicy) {
        LicenceCommand command = LicenceCommand.parse(
                request,
                files.stream()
                        .map(file -> new CheckInput.Manifest(file.fileName(), file.content()))
                        .toList());
        return check(command.model() != null ? command : command.withModel(tenantPolicy.orElse(null)));
    }

    /** A check asked for in chat, under the configured policy (for the command's model, when given). */
    public LicenceReport check(LicenceCommand command) {
        return check(command.inputs(), policy(command.model(), null), command.options());
    }

    /** Checks the inputs under the policy. */
    public LicenceReport check(List<CheckInput> inputs, LicencePolicy policy, ResolveOptions options) {
        requireNonNull(policy, "policy");
        Resolution resolution = resolver.resolve(List.copyOf(inputs), options);
        List<LicenceReport.Problem> problems = new ArrayList<>();
        resolution.problems().forEach(reason -> problems.add(new LicenceReport.Problem("", reason)));
        LicenceLookups.Results looked = lookups.lookUp(resolution.dependencies());
        List<LicenceFinding> findings = new ArrayList<>();
        for (Dependency dependency : resolution.dependencies()) {
            LicenceFinding finding = judge(dependency, looked, policy);
            findings.add(finding);
            if (finding.provenance() == Provenance.UNKNOWN) {
                problems.add(new LicenceReport.Problem(finding.purl(), finding.provenanceDetail()));
            }
        }
        LicenceReport report = new LicenceReport(policy.model(), policy.source(), listVersion, findings, problems);
        LOG.info(
                "licence check: {} dependencies, {} under policy {} ({})",
                findings.size(),
                report.summary(),
                policy.model().id(),
                policy.source());
        return report;
    }

    /**
     * For the consultation agent's tool: checks package specs (purls, {@code g:a:v}, {@code name@version})
     * under the configured policy for {@code model} when given, else for the tenant's, else for the default, and
     * returns a compact text the model can cite. Bad specs are answered in the text, not thrown.
     *
     * @param model "saas", "distributed", "internal", or null/blank for the tenant's
     */
    @Override
    public String checkForAgent(List<String> packageSpecs, String model, Optional<DistributionModel> tenantPolicy) {
        return LicenceVerdictText.forAgent(packageSpecs, model, tenantPolicy, this);
    }

    /** Checks package specs under the default policy (for {@code model}, when not null). */
    public LicenceReport checkPackages(List<String> packageSpecs, DistributionModel model) {
        List<CheckInput> inputs = packageSpecs.stream()
                .<CheckInput>map(CheckInput.PackageSpec::new)
                .toList();
        return check(inputs, policy(model, null), ResolveOptions.DEFAULT);
    }

    private LicenceFinding judge(Dependency dependency, LicenceLookups.Results looked, LicencePolicy policy) {
        InterpretedLicence licence;
        String unknownReason = null;
        Lookup lookup = hasDeclared(dependency) ? new Lookup.Found(dependency.declared()) : looked.of(dependency.pkg());
        switch (lookup) {
            case Lookup.Found found -> {
                licence = normaliser.interpret(found.licence(), dependency.pkg().ecosystem());
                if (licence.provenance() == Provenance.UNKNOWN) {
                    unknownReason = "the registry declares no licence for it";
                }
            }
            case Lookup.Unknown unknown -> {
                licence = InterpretedLicence.unknown();
                unknownReason = unknown.reason();
            }
        }
        String purl = dependency.pkg().purl();
        Evaluation evaluation = evaluator.evaluate(licence.expression(), purl, policy);
        return new LicenceFinding(
                purl,
                licence.expression() == null ? null : licence.expression().toString(),
                evaluation.chosen() == null ? null : evaluation.chosen().toString(),
                evaluation.category(),
                evaluation.verdict(),
                evaluation.obligations(),
                licence.provenance(),
                unknownReason != null ? unknownReason : licence.detail(),
                dependency.direct(),
                dependency.path().stream().map(PackageRef::purl).toList(),
                evaluation.notes());
    }

    static boolean hasDeclared(Dependency dependency) {
        return dependency.declared() != null && !dependency.declared().isEmpty();
    }
}
