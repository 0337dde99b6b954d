package com.architectbot.licence;

import java.util.Locale;

/** The package ecosystems a licence check understands, named by their Package URL type. */
public enum Ecosystem {
    MAVEN,
    NPM,
    PYPI,
    CARGO,
    GOLANG,
    NUGET;

    /** The Package URL type, e.g. {@code maven}. */
    public String purlType() {
        return name().toLowerCase(Locale.ROOT);
    }
}
