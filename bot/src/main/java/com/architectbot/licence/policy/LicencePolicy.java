package com.architectbot.licence.policy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.DistributionModel;
import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a company accepts, for one distribution model: a verdict per licence category and model, and
 * rules that allow, review or deny licences and packages by name or glob. Start from {@link #defaults}
 * ({@code licence-policy-defaults.json}) and overlay a company's policy file with
 * {@link LicencePolicyFile#read}. When several rules match, the strictest wins (deny, then review, then
 * allow); a package rule beats a licence rule, which beats the category table.
 *
 * <p>Default verdicts (reasons in the defaults file):
 * <pre>
 * category          saas     distributed  internal
 * public-domain     ok       ok           ok
 * permissive        ok       ok           ok
 * weak-copyleft     ok       review       ok
 * strong-copyleft   review   blocker      ok
 * network-copyleft  blocker  blocker      review
 * source-available  blocker  blocker      review
 * proprietary       review   review       review
 * unknown           review   review       review
 * </pre>
 *
 * @param source where the policy came from ("defaults", or the policy file's path), for reports
 */
public record LicencePolicy(
        DistributionModel model,
        Map<LicenceCategory, Map<DistributionModel, Verdict>> categoryVerdicts,
        List<Rule> licenceRules,
        List<Rule> packageRules,
        String source) {

    public LicencePolicy {
        requireNonNull(model, "model");
        requireNonNull(source, "source");
        EnumMap<LicenceCategory, Map<DistributionModel, Verdict>> copy = new EnumMap<>(LicenceCategory.class);
        categoryVerdicts.forEach((category, verdicts) -> copy.put(category, Map.copyOf(verdicts)));
        for (LicenceCategory category : LicenceCategory.values()) {
            for (DistributionModel each : DistributionModel.values()) {
                if (copy.getOrDefault(category, Map.of()).get(each) == null) {
                    throw new IllegalArgumentException(
                            "policy has no verdict for " + category.id() + " in " + each.id());
                }
            }
        }
        categoryVerdicts = Map.copyOf(copy);
        licenceRules = List.copyOf(licenceRules);
        packageRules = List.copyOf(packageRules);
    }

    /** An allow/review/deny rule on a licence id or package URL; {@code *} and {@code ?} are wildcards. */
    public record Rule(String pattern, Verdict verdict) {
        public Rule {
            requireNonNull(pattern, "pattern");
            requireNonNull(verdict, "verdict");
        }

        boolean matches(String text) {
            return glob(pattern).matcher(text).matches();
        }

        private static Pattern glob(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (String part : pattern.split("((?<=[*?])|(?=[*?]))")) {
                regex.append(
                        switch (part) {
                            case "*" -> ".*";
                            case "?" -> ".";
                            default -> Pattern.quote(part);
                        });
            }
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
        }

        @Override
        public String toString() {
            return (verdict == Verdict.OK ? "allow" : verdict == Verdict.REVIEW ? "review" : "deny") + " " + pattern;
        }
    }

    /** The built-in policy for this model. */
    public static LicencePolicy defaults(DistributionModel model) {
        return LicencePolicyFile.defaults().withModel(model);
    }

    public LicencePolicy withModel(DistributionModel other) {
        return new LicencePolicy(other, categoryVerdicts, licenceRules, packageRules, source);
    }

    public Verdict verdictFor(LicenceCategory category) {
        return categoryVerdicts.get(category).get(model);
    }

    /** The strictest rule whose pattern matches one of the texts (a licence term, then its bare id). */
    public Optional<Rule> licenceRule(String... texts) {
        for (String text : texts) {
            Optional<Rule> rule = strictest(licenceRules, text);
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    /** A pattern without a version ({@code pkg:npm/left-pad}) matches every version of the package. */
    public Optional<Rule> packageRule(String purl) {
        int at = purl.lastIndexOf('@');
        String unversioned = at > purl.indexOf('/') ? purl.substring(0, at) : purl;
        List<Rule> matching = new ArrayList<>();
        for (Rule rule : packageRules) {
            if (rule.matches(purl) || rule.matches(unversioned)) {
                matching.add(rule);
            }
        }
        return matching.stream().max(Comparator.comparing(Rule::verdict));
    }

    private static Optional<Rule> strictest(List<Rule> rules, String text) {
        return rules.stream().filter(rule -> rule.matches(text)).max(Comparator.comparing(Rule::verdict));
    }
}
