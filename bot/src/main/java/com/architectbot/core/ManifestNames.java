package com.architectbot.core;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;

/**
 * Which file names are manifests: the list belongs to the manifest readers (they know the formats); the
 * composition root hands it to the core, which cannot depend on a feature.
 *
 * @param accepts whether a file of this name is a manifest some reader understands
 * @param supported the supported files, as a user reads them ({@code pom.xml, package.json, ...})
 */
public record ManifestNames(Predicate<String> accepts, String supported) {

    public ManifestNames {
        requireNonNull(accepts, "accepts");
        requireNonNull(supported, "supported");
    }

    public boolean isManifest(String fileName) {
        return fileName != null && !fileName.isBlank() && accepts.test(fileName);
    }
}
