package com.architectbot.core.report;

/** Where a dependency's licence expression comes from. Reports show it next to the licence. */
public enum Provenance {
    /** The package's own metadata states a valid SPDX expression. */
    DECLARED,
    /** Taken from a parent (a parent POM); the licence engine records which parent. */
    INHERITED,
    /** The metadata states free text or a URL that our table or the SPDX names map to an id. */
    MAPPED,
    /**
     * The metadata names a licence family in words ("BSD-style", "GPL" without a version, "public domain") but no
     * single licence: the expression is the family's {@code LicenseRef-}, with the family's category.
     */
    INFERRED,
    /** The registry did not say, or could not be asked. */
    UNKNOWN;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
