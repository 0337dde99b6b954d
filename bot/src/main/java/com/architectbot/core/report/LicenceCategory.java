package com.architectbot.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of licence it is, from the point of view of someone building a product. In order of concern. */
public enum LicenceCategory {
    PUBLIC_DOMAIN,
    PERMISSIVE,
    /** Changes to the covered files or library stay open (LGPL, MPL, EPL, CDDL). */
    WEAK_COPYLEFT,
    /** A distributed combined work must be under the same licence (GPL). */
    STRONG_COPYLEFT,
    /** Users reaching the software over a network are owed its source (AGPL, OSL). */
    NETWORK_COPYLEFT,
    PROPRIETARY,
    /** Source is readable but use is restricted (SSPL, BUSL, Elastic-2.0, Commons Clause, PolyForm, CC NC). */
    SOURCE_AVAILABLE,
    UNKNOWN;

    /** {@code weak-copyleft}: the name in reports, JSON and policy files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LicenceCategory> fromId(String id) {
        return Arrays.stream(values())
                .filter(c -> c.id().equalsIgnoreCase(id.strip()))
                .findFirst();
    }

    public boolean worseThan(LicenceCategory other) {
        return ordinal() > other.ordinal();
    }
}
