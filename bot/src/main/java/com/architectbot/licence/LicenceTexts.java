package com.architectbot.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shapes registries put licence names in, other than a bare name: PyPI trove classifiers
 * ({@code License :: OSI Approved :: MIT License}) and whole licence texts pasted into a licence field
 * (PyPI's {@code license}, some POMs), where the title line names the licence or the grant's wording does.
 */
final class LicenceTexts {

    private static final String CLASSIFIER = "license ::";

    /** Wording that only the named licence's text uses; checked in order. */
    private static final List<String[]> FINGERPRINTS = List.of(
            new String[] {"licensed under the apache license, version 2.0", "Apache-2.0"},
            new String[] {"apache license\nversion 2.0, january 2004", "Apache-2.0"},
            new String[] {"gnu affero general public license", "AGPL-3.0-only"},
            new String[] {"gnu lesser general public license", "LGPL-2.1-or-later"},
            new String[] {"gnu general public license", "GPL-2.0-or-later"},
            new String[] {"mozilla public license version 2.0", "MPL-2.0"},
            new String[] {"permission is hereby granted, free of charge, to any person", "MIT"},
            new String[] {"permission to use, copy, modify, and/or distribute this software for any", "ISC"});

    private LicenceTexts() {}

    /** The names worth looking up for this text: the text itself, a classifier's last part, a text's title. */
    static List<String> candidateNames(String text) {
        List<String> names = new ArrayList<>();
        String stripped = text.strip();
        if (stripped.toLowerCase(Locale.ROOT).startsWith(CLASSIFIER)) {
            names.add(stripped.substring(stripped.lastIndexOf("::") + 2).strip());
            return names;
        }
        names.add(stripped);
        List<String> lines = stripped.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        if (lines.size() > 1) {
            names.add(lines.getFirst());
            names.add(lines.get(0) + " " + lines.get(1));
        }
        return names;
    }

    /** For a pasted licence text: the licence its wording identifies. */
    static Optional<String> fingerprint(String text) {
        if (!text.contains("\n") && text.length() < 200) {
            return Optional.empty();
        }
        String normal = text.toLowerCase(Locale.ROOT).replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n");
        String flat = normal.replace('\n', ' ');
        for (String[] fingerprint : FINGERPRINTS) {
            if (normal.contains(fingerprint[0]) || flat.contains(fingerprint[0])) {
                return Optional.of(fingerprint[1]);
            }
        }
        if (flat.contains("redistribution and use in source and binary forms")) {
            return Optional.of(
                    flat.contains("neither the name") || flat.contains("may be used to endorse")
                            ? "BSD-3-Clause"
                            : "BSD-2-Clause");
        }
        return Optional.empty();
    }
}
