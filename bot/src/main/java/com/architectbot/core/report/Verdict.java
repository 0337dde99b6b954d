package com.architectbot.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The answer for one dependency, in order of severity. */
public enum Verdict {
    OK,
    /** Should be addressed before launch: an obligation to meet, a licence to identify, a contract to check. */
    REVIEW,
    /** A critical blocker: the licence's terms conflict with how the product is distributed. */
    BLOCKER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Verdict> fromId(String id) {
        return Arrays.stream(values())
                .filter(v -> v.id().equalsIgnoreCase(id.strip()))
                .findFirst();
    }

    public static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
