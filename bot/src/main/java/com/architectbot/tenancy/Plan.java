package com.architectbot.tenancy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The commercial plans; their limits come from {@link Plans}. */
public enum Plan {
    FREE,
    TEAM,
    ENTERPRISE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Free", for messages. */
    public String label() {
        return name().charAt(0) + id().substring(1);
    }

    public static Optional<Plan> fromId(String id) {
        return Arrays.stream(values())
                .filter(plan -> plan.id().equalsIgnoreCase(id.strip()))
                .findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Plan::id).collect(Collectors.joining(", "));
    }
}
