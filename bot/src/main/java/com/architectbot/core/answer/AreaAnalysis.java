package com.architectbot.core.answer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The findings for one expertise area. */
public record AreaAnalysis(Area area, List<String> findings) {

    public AreaAnalysis {
        requireNonNull(area, "area");
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
