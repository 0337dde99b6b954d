package com.architectbot.licence.source;

import com.architectbot.licence.release.OwnFiles.Kind;
import java.util.Locale;
import java.util.Optional;

/** Which files of a package are its licence and notice: {@code LICENSE*}, {@code LICENCE*}, {@code COPYING*}, {@code NOTICE*}. */
final class LicenceFileNames {

    private LicenceFileNames() {}

    /** The kind of a file by its bare name (no folder), empty for any other file. */
    static Optional<Kind> kindOf(String fileName) {
        String upper = fileName.toUpperCase(Locale.ROOT);
        if (upper.startsWith("NOTICE")) {
            return Optional.of(Kind.NOTICE);
        }
        if (upper.startsWith("LICENSE") || upper.startsWith("LICENCE") || upper.startsWith("COPYING")) {
            return Optional.of(Kind.LICENCE);
        }
        return Optional.empty();
    }
}
