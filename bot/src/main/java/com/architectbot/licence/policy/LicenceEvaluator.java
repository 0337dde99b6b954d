package com.architectbot.licence.policy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.spdx.LicenceExpression;
import com.architectbot.licence.spdx.LicenceExpression.And;
import com.architectbot.licence.spdx.LicenceExpression.Or;
import com.architectbot.licence.spdx.LicenceExpression.Term;
import com.architectbot.licence.spdx.LicenceExpression.WithException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a licence expression under a policy. A term gets its category's verdict (or a licence rule's);
 * {@code OR} takes the best option (verdict, then a listed SPDX licence over a {@code LicenseRef-}, then category,
 * then the category before exceptions, then fewest obligations, then the first written) and names it; {@code AND} takes the worst verdict and every obligation. A package rule, when
 * one matches, decides the verdict over all of that.
 */
public final class LicenceEvaluator {

    private final LicenceCategories categories;
    private final LicenceExceptions exceptions = LicenceExceptions.bundled();
    private final Comparator<Evaluation> bestFirst;

    public LicenceEvaluator(LicenceCategories categories) {
        this.categories = requireNonNull(categories, "categories");
        // ties go to the licence that is milder before exceptions (CDDL-1.1 over GPL-2.0-only WITH
        // Classpath-exception-2.0), then to fewer obligations, then to the option written first
        this.bestFirst = Comparator.comparing(Evaluation::verdict)
                // a listed licence is a known text; a LicenseRef ("Public Domain" in a POM) is someone's summary
                .thenComparing(e -> e.chosen() != null && e.chosen().toString().contains("LicenseRef-"))
                .thenComparing(Evaluation::category)
                .thenComparing(this::categoryBeforeExceptions)
                .thenComparingInt(e -> e.obligations().size());
    }

    /** @param expression null when the licence is unknown */
    public Evaluation evaluate(LicenceExpression expression, String purl, LicencePolicy policy) {
        Evaluation licence = expression == null ? unknown(policy) : evaluate(expression, policy);
        Optional<LicencePolicy.Rule> packageRule = policy.packageRule(purl);
        if (packageRule.isEmpty()) {
            return licence;
        }
        List<String> notes = new ArrayList<>(licence.notes());
        notes.add("policy rule '" + packageRule.get() + "' decides this package");
        return new Evaluation(
                packageRule.get().verdict(), licence.category(), licence.obligations(), licence.chosen(), notes);
    }

    private Evaluation evaluate(LicenceExpression expression, LicencePolicy policy) {
        return switch (expression) {
            case Or or -> best(or, policy);
            case And and -> all(and, policy);
            case Term term -> term(term, policy);
        };
    }

    private Evaluation best(Or or, LicencePolicy policy) {
        List<Evaluation> options =
                or.operands().stream().map(o -> evaluate(o, policy)).toList();
        Evaluation best = options.stream().min(bestFirst).orElseThrow();
        List<String> notes = new ArrayList<>(best.notes());
        notes.addFirst("chose " + best.chosen() + " of " + or);
        return new Evaluation(best.verdict(), best.category(), best.obligations(), best.chosen(), notes);
    }

    private Evaluation all(And and, LicencePolicy policy) {
        List<Evaluation> parts =
                and.operands().stream().map(o -> evaluate(o, policy)).toList();
        Verdict verdict = Verdict.OK;
        LicenceCategory category = LicenceCategory.PUBLIC_DOMAIN;
        Set<Obligation> obligations = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        for (Evaluation part : parts) {
            verdict = Verdict.worst(verdict, part.verdict());
            category = part.category().worseThan(category) ? part.category() : category;
            obligations.addAll(part.obligations());
            notes.addAll(part.notes());
        }
        LicenceExpression chosen =
                LicenceExpression.and(parts.stream().map(Evaluation::chosen).toList());
        return new Evaluation(verdict, category, List.copyOf(obligations), chosen, notes);
    }

    private Evaluation term(Term term, LicencePolicy policy) {
        String id = term.licence().id();
        LicenceCategory own = categories.of(id);
        List<String> notes = new ArrayList<>();
        boolean weakened = term instanceof WithException with && weakensCopyleft(with, own, notes);
        LicenceCategory category = weakened ? LicenceCategory.WEAK_COPYLEFT : own;
        Verdict verdict = policy.verdictFor(category);
        Optional<LicencePolicy.Rule> rule =
                policy.licenceRule(term.toString(), term.licence().toString(), id);
        if (rule.isPresent()) {
            verdict = rule.get().verdict();
            notes.add("policy rule '" + rule.get() + "'");
        }
        List<Obligation> obligations = LicenceObligations.of(category, id, weakened, policy.model());
        return new Evaluation(verdict, category, obligations, term, notes);
    }

    /**
     * Whether the exception takes a GPL-like licence's copyleft off the code that links to it: only when it lets
     * any program link the covered library. An exception that frees only generated output, embedded fonts, system
     * calls or examples, one for free software only or named components, one that belongs with a permissive
     * licence, or one we have not classified leaves the category as it is. Either way a note says why.
     */
    private boolean weakensCopyleft(WithException with, LicenceCategory own, List<String> notes) {
        if (own != LicenceCategory.STRONG_COPYLEFT
                && own != LicenceCategory.WEAK_COPYLEFT
                && own != LicenceCategory.NETWORK_COPYLEFT) {
            return false; // nothing to weaken (Apache-2.0 WITH LLVM-exception)
        }
        String licence = with.licence().toString();
        Optional<LicenceExceptions.Entry> entry = exceptions.of(with.exception());
        if (entry.isEmpty()) {
            notes.add(with.exception() + " is not in our table of exceptions: " + licence + " is judged as " + own.id()
                    + " without it");
            return false;
        }
        LicenceExceptions.Scope scope = entry.get().scope();
        if (scope == LicenceExceptions.Scope.PERMISSIVE_BASE) {
            notes.add(entry.get().id() + " belongs with a permissive licence, not " + licence + ": " + licence
                    + " is judged as " + own.id() + " without it");
            return false;
        }
        // AGPL's network clause binds the covered work itself, whoever links to it: it stays network copyleft
        boolean weakens = scope.permitsAnyProgram() && own != LicenceCategory.NETWORK_COPYLEFT;
        String effect = !weakens
                ? licence + " stays " + own.id()
                        + (scope == LicenceExceptions.Scope.FREE_SOFTWARE_ONLY ? " for proprietary code" : "")
                : own == LicenceCategory.STRONG_COPYLEFT
                        ? "treated as weak copyleft"
                        : "its copyleft stays on its own files";
        notes.add(entry.get().id() + " " + entry.get().reason() + ": " + effect);
        return weakens;
    }

    private LicenceCategory categoryBeforeExceptions(Evaluation evaluation) {
        return evaluation
                .chosen()
                .terms()
                .map(term -> categories.of(term.licence().id()))
                .max(Comparator.naturalOrder())
                .orElse(LicenceCategory.UNKNOWN);
    }

    private static Evaluation unknown(LicencePolicy policy) {
        return new Evaluation(
                policy.verdictFor(LicenceCategory.UNKNOWN),
                LicenceCategory.UNKNOWN,
                List.of(Obligation.IDENTIFY_LICENCE),
                null,
                List.of("no licence declared or found"));
    }
}
