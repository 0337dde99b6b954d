package com.architectbot.licence.policy;

import static java.util.Objects.requireNonNull;

import com.architectbot.core.report.LicenceCategory;
import com.architectbot.core.report.Obligation;
import com.architectbot.core.report.Verdict;
import com.architectbot.licence.spdx.LicenceExpression;
import java.util.List;

/**
 * The policy's answer for one licence expression.
 *
 * @param chosen the licence the verdict rests on: for {@code OR}, the option chosen; null when unknown
 * @param notes why, in a sentence each ("chose MIT of MIT OR GPL-3.0-or-later", "denied by policy")
 */
public record Evaluation(
        Verdict verdict,
        LicenceCategory category,
        List<Obligation> obligations,
        LicenceExpression chosen,
        List<String> notes) {

    public Evaluation {
        requireNonNull(verdict, "verdict");
        requireNonNull(category, "category");
        obligations = List.copyOf(obligations);
        notes = List.copyOf(notes);
    }
}
