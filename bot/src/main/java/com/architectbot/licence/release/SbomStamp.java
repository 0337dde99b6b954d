package com.architectbot.licence.release;

import static java.util.Objects.requireNonNull;

import com.architectbot.licence.CheckInput;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What tells one SBOM from another: what was checked, when, and the document's unique id. Everything else in
 * an SBOM follows from the licence report, so two SBOMs of one report differ only here.
 *
 * @param subject what was checked, as the user named it ("pom.xml", "react@18.2.0"); becomes the root
 *     component (CycloneDX) or the described package (SPDX)
 * @param created when the SBOM was made, to the second
 * @param serial the document's unique id: CycloneDX's serial number, the tail of SPDX's namespace
 */
public record SbomStamp(String subject, Instant created, UUID serial) {

    /** The subject when nothing better is known. */
    public static final String DEFAULT_SUBJECT = "licence check";

    public SbomStamp {
        subject = subject == null || subject.isBlank() ? DEFAULT_SUBJECT : subject.strip();
        created = requireNonNull(created, "created").truncatedTo(ChronoUnit.SECONDS);
        requireNonNull(serial, "serial");
    }

    /** A new, random, document id, made now. */
    public static SbomStamp now(String subject) {
        return new SbomStamp(subject, Instant.now(), UUID.randomUUID());
    }

    /** A stamp made now for a check of these inputs, named by their file names and package specs. */
    public static SbomStamp forInputs(List<CheckInput> inputs) {
        return now(inputs.stream()
                .map(input -> switch (input) {
                    case CheckInput.Manifest manifest -> manifest.fileName();
                    case CheckInput.PackageSpec spec -> spec.spec();
                })
                .filter(name -> !name.isBlank())
                .collect(Collectors.joining(", ")));
    }
}
