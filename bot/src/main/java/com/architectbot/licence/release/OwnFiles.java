package com.architectbot.licence.release;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a package's archive gave for THIRD-PARTY-NOTICES: its licence and notice files, or why nothing. */
public sealed interface OwnFiles {

    /** The files found (possibly none: an archive without a LICENSE is an answer too). */
    record Read(List<OwnFile> files) implements OwnFiles {
        public Read {
            files = List.copyOf(files);
        }
    }

    /** @param reason user-facing evidence: "not found in npm registry", "the tarball is larger than 16 MiB" */
    record Unavailable(String reason) implements OwnFiles {
        public Unavailable {
            requireNonNull(reason, "reason");
        }
    }

    /**
     * One file as the archive holds it. The text is the archive's, not cleaned: whoever prints it
     * neutralises control characters.
     *
     * @param path the file's name inside the archive, e.g. {@code LICENSE} or {@code META-INF/NOTICE.txt}
     * @param cut the file was longer than the size cap and only its beginning is here
     */
    record OwnFile(String path, Kind kind, String text, boolean cut) {
        public OwnFile {
            requireNonNull(path, "path");
            requireNonNull(kind, "kind");
            requireNonNull(text, "text");
        }
    }

    /** NOTICE files must be shipped as they are (Apache-2.0 section 4d); LICENSE/COPYING give copyright lines. */
    enum Kind {
        LICENCE,
        NOTICE
    }
}
