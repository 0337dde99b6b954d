package com.architectbot.licence.manifest;

import java.util.ArrayList;
import java.util.List;

/** SBOM entries we cannot check (no purl, or an ecosystem we do not cover), summarised in one line. */
final class SkippedComponents {

    private static final int EXAMPLES = 5;

    private final String file;
    private final List<String> names = new ArrayList<>();

    SkippedComponents(String file) {
        this.file = file;
    }

    void add(String name) {
        names.add(name == null ? "(unnamed)" : name);
    }

    List<String> problems() {
        if (names.isEmpty()) {
            return List.of();
        }
        String examples = String.join(", ", names.subList(0, Math.min(EXAMPLES, names.size())));
        return List.of(file + ": " + names.size() + " component(s) skipped, without a purl of a supported ecosystem ("
                + examples + (names.size() > EXAMPLES ? ", …" : "") + ")");
    }
}
