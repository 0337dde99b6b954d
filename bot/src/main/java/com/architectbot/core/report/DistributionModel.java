package com.architectbot.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the company's product reaches its users: this decides what a licence obliges. */
public enum DistributionModel {
    /** Runs on our servers; users reach it over a network. */
    SAAS,
    /** Shipped to customers: on-premises installs, binaries, mobile or desktop apps, devices. */
    DISTRIBUTED,
    /** Used only inside the company. */
    INTERNAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DistributionModel> fromId(String id) {
        return Arrays.stream(values())
                .filter(m -> m.id().equalsIgnoreCase(id.strip()))
                .findFirst();
    }

    /** "saas, distributed, internal", for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(DistributionModel::id).collect(Collectors.joining(", "));
    }
}
