package com.architectbot.core.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One dependency in a licence report.
 *
 * @param licence the SPDX expression, or null when unknown
 * @param chosen the licence the verdict rests on (the option chosen from an OR), or null when unknown
 * @param provenanceDetail "inherited from ...", "mapped from '...'", or why the licence is unknown
 * @param path the packages bringing it in, as purls, from the direct dependency down; empty when direct
 * @param notes how the verdict was reached, a sentence each
 */
public record LicenceFinding(
        String purl,
        String licence,
        String chosen,
        LicenceCategory category,
        Verdict verdict,
        List<Obligation> obligations,
        Provenance provenance,
        String provenanceDetail,
        boolean direct,
        List<String> path,
        List<String> notes) {

    public LicenceFinding {
        requireNonNull(purl, "purl");
        requireNonNull(category, "category");
        requireNonNull(verdict, "verdict");
        requireNonNull(provenance, "provenance");
        obligations = List.copyOf(obligations);
        provenanceDetail = provenanceDetail == null ? "" : provenanceDetail;
        path = List.copyOf(path);
        notes = List.copyOf(notes);
    }
}
