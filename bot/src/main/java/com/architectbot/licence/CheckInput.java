package com.architectbot.licence;

import static java.util.Objects.requireNonNull;

/** What a user hands to a licence check. */
public sealed interface CheckInput {

    /** A package URL, Maven coordinates {@code g:a:v}, or npm {@code name@version}. */
    record PackageSpec(String spec) implements CheckInput {
        public PackageSpec {
            requireNonNull(spec, "spec");
        }
    }

    /** A manifest or SBOM, recognised by file name or content. */
    record Manifest(String fileName, String content) implements CheckInput {
        public Manifest {
            requireNonNull(content, "content");
            fileName = fileName == null ? "" : fileName;
        }

        @Override
        public String toString() {
            return "Manifest[" + fileName + ", " + content.length() + " chars]";
        }
    }
}
