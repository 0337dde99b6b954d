package com.architectbot.core.report;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.redaction.SecretRedactor;
import java.util.Comparator;
import java.util.List;

/**
 * The result of a licence check: every dependency with its verdict, worst first, and what could not be
 * checked. Renderers (Markdown, JSON, CSV, chat surfaces) only format it.
 *
 * @param policySource "defaults" or the policy file it was judged by
 * @param listVersion the SPDX licence list version the ids come from
 * @param problems what could not be checked, and why: unknown packages, inputs or registries away
 */
public record LicenceReport(
        DistributionModel model,
        String policySource,
        String listVersion,
        List<LicenceFinding> dependencies,
        List<Problem> problems) {

    public LicenceReport {
        requireNonNull(model, "model");
        requireNonNull(policySource, "policySource");
        dependencies = dependencies.stream()
                .sorted(Comparator.comparing(LicenceFinding::verdict).reversed())
                .toList();
        problems = List.copyOf(problems);
    }

    /**
     * Something that could not be checked. {@code subject} is a purl, or empty when it is about the input.
     * Both often quote the user's manifest (an index URL with a token, a git URL with a PAT), and every
     * renderer posts them, so secrets are removed here, once, as they enter the report.
     */
    public record Problem(String subject, String reason) {
        public Problem {
            subject = subject == null ? "" : SecretRedactor.redact(subject);
            reason = SecretRedactor.redact(requireNonNull(reason, "reason"));
        }
    }

    /** Counts per verdict; {@code unknown} counts dependencies whose licence is not known. */
    public record Summary(int total, int ok, int review, int blocker, int unknown) {}

    public Summary summary() {
        return new Summary(dependencies.size(), count(Verdict.OK), count(Verdict.REVIEW), count(Verdict.BLOCKER), (int)
                dependencies.stream()
                        .filter(d -> d.provenance() == Provenance.UNKNOWN)
                        .count());
    }

    /** The dependencies whose known licence is a blocker or needs review, worst first. */
    public List<LicenceFinding> needingAttention() {
        return dependencies.stream()
                .filter(d -> d.verdict() != Verdict.OK && d.licence() != null)
                .toList();
    }

    public boolean hasBlocker() {
        return count(Verdict.BLOCKER) > 0;
    }

    private int count(Verdict verdict) {
        return (int) dependencies.stream().filter(d -> d.verdict() == verdict).count();
    }
}
